//! Staff accounts and the permission rule: who may do what to which record.
//!
//! An admin may do everything. A viewer may only look (internal records
//! included). An editor may create, update and delete the records whose home
//! unit is one of their units or lies below one of them; never central records
//! (no home unit), never restore a deleted record, never manage users.
//! A disabled account may do nothing.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::ToSchema;

use crate::values::InvalidValue;
use crate::{Slug, ValidationErrors};

crate::enums::vocabulary!(
    /// What an account may do in general; editors are further limited to their units.
    Role, "role" { Admin => "admin", Editor => "editor", Viewer => "viewer" }
);

impl Role {
    /// The role with its article, for sentences: "an admin", "an editor", "a viewer".
    pub fn with_article(self) -> &'static str {
        match self {
            Role::Admin => "an admin",
            Role::Editor => "an editor",
            Role::Viewer => "a viewer",
        }
    }
}

crate::enums::vocabulary!(
    /// Something a user asks to do to a record (or, for `ManageUsers`, to accounts).
    Action, "action" {
        View => "view", Create => "create", Update => "update", Delete => "delete",
        Restore => "restore", ManageUsers => "manage_users",
    }
);

/// An e-mail address that names an account: trimmed, lower-cased, checked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    /// The address as text, lower case.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Email {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let address = s.trim().to_lowercase();
        let bad = || {
            InvalidValue(format!(
                "`{}` is not an e-mail address (like name@example.org)",
                s.trim()
            ))
        };
        if address.len() > 254 {
            return Err(bad());
        }
        let Some((local, domain)) = address.split_once('@') else {
            return Err(bad());
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && !"@\"(),:;<>[\\]".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if local_ok && domain_ok {
            Ok(Email(address))
        } else {
            Err(bad())
        }
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Email {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::Email,
            )))
            .examples([serde_json::json!("coordinator@ki.se")])
            .into()
    }
}

impl ToSchema for Email {}

/// A staff account. The password hash stays in storage, never here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct User {
    /// Storage's number for the account.
    pub id: i64,
    /// The address the person signs in with.
    pub email: Email,
    /// What the account may do in general.
    pub role: Role,
    /// An editor's units: the organisations (of kind `unit`) whose records they keep.
    pub units: Vec<Slug>,
    /// A disabled account may do nothing, and its tokens stop working.
    pub disabled: bool,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
}

impl User {
    /// Whether this user may do `action` to a record whose home unit is
    /// `record_home_unit`; see [`may`].
    pub fn may(
        &self,
        action: Action,
        record_home_unit: Option<&Slug>,
        parents: &impl Fn(&Slug) -> Option<Slug>,
    ) -> bool {
        may(self, action, record_home_unit, parents)
    }
}

/// Checks that a role and its units go together: an editor needs at least one
/// unit, and only editors have units.
pub fn validate_assignment(role: Role, units: &[Slug]) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    match role {
        Role::Editor if units.is_empty() => errors.add(
            "units",
            "an editor needs at least one unit: the records they may change are those of their units",
        ),
        Role::Admin | Role::Viewer if !units.is_empty() => errors.add(
            "units",
            format!("only editors have units; {} has none", role.with_article()),
        ),
        _ => {}
    }
    for (i, unit) in units.iter().enumerate() {
        if units[..i].contains(unit) {
            errors.add(format!("units[{i}]"), format!("`{unit}` is given twice"));
        }
    }
    errors.into_result()
}

/// The permission rule.
///
/// `record_home_unit` is the home unit of the record acted on (`None` for a
/// central record, and for actions on no record such as `ManageUsers`);
/// `parents` gives an organisation's parent, so an editor of a unit may also
/// change the records of units below it.
pub fn may(
    user: &User,
    action: Action,
    record_home_unit: Option<&Slug>,
    parents: &impl Fn(&Slug) -> Option<Slug>,
) -> bool {
    if user.disabled {
        return false;
    }
    match (user.role, action) {
        (Role::Admin, _) => true,
        (_, Action::View) => true,
        (Role::Viewer, _) => false,
        (Role::Editor, Action::Create | Action::Update | Action::Delete) => {
            record_home_unit.is_some_and(|unit| in_scope(&user.units, unit, parents))
        }
        (Role::Editor, Action::Restore | Action::ManageUsers) => false,
    }
}

/// Whether `unit` is one of `units` or lies below one of them.
///
/// Walks at most 64 parents, so a cycle in the data cannot hang the check.
pub fn in_scope(units: &[Slug], unit: &Slug, parents: &impl Fn(&Slug) -> Option<Slug>) -> bool {
    const MAX_DEPTH: usize = 64;
    let mut current = unit.clone();
    for _ in 0..=MAX_DEPTH {
        if units.contains(&current) {
            return true;
        }
        match parents(&current) {
            Some(parent) => current = parent,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests;
