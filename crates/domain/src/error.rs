//! Validation errors that name the field at fault, so forms and problem
//! documents can point at it.

use serde::Serialize;

/// One invalid field and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// Dotted path of the field, e.g. `parties` or `names[0].value`.
    pub field: String,
    /// A sentence a person can act on.
    pub message: String,
    /// The same problem as a stable code with its values, for an edge that
    /// words it in the reader's language (not part of the JSON).
    #[serde(skip)]
    pub problem: Option<Problem>,
}

/// A problem as a stable code (`title-missing`, `too-long`…) and the values
/// its wording needs (`max`, `count`…); the words themselves live at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The code.
    pub code: &'static str,
    /// Named values, as text.
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    /// A problem without values.
    pub fn new(code: &'static str) -> Problem {
        Problem {
            code,
            args: Vec::new(),
        }
    }

    /// The problem with one more named value.
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Problem {
        self.args.push((name, value.to_string()));
        self
    }
}

/// Every problem found in a record, not just the first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(transparent)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl ValidationErrors {
    /// Records a problem with `field`.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
            problem: None,
        });
    }

    /// Records a problem with `field` as its code and values, and its English sentence.
    pub fn add_coded(
        &mut self,
        field: impl Into<String>,
        problem: Problem,
        message: impl Into<String>,
    ) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
            problem: Some(problem),
        });
    }

    /// `Ok(())` when nothing was recorded.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }

    /// Adds every error of `other`.
    pub fn extend(&mut self, other: ValidationErrors) {
        self.0.extend(other.0);
    }

    /// Adds every error of `other`, prefixing its fields with `prefix.`.
    pub fn extend_prefixed(&mut self, prefix: &str, other: ValidationErrors) {
        for mut e in other.0 {
            e.field = format!("{prefix}.{}", e.field);
            self.0.push(e);
        }
    }
}
