//! Single sign-on's rule: which role and units the values of the identity
//! provider's role claim (e.g. `groups`) give an account.
//!
//! The mapping is configuration: claim value → a role, and for editors the
//! units they keep. A person in several mapped groups gets the highest role
//! (admin > editor > viewer); as an editor, the units of every matching editor
//! group. A person in no mapped group gets no account at all.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::account::validate_assignment;
use crate::{Role, Slug, ValidationErrors};

/// What one claim value grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleGrant {
    /// The role.
    pub role: Role,
    /// An editor's units (none for admins and viewers).
    #[serde(default)]
    pub units: Vec<Slug>,
}

/// The configured map from role-claim values to grants.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RoleMap(pub BTreeMap<String, RoleGrant>);

/// The role and units an identity is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// The highest role among the matching grants.
    pub role: Role,
    /// For an editor, the units of every matching editor grant (in claim order, once each).
    pub units: Vec<Slug>,
}

/// How high a role stands: the highest matching one wins.
fn rank(role: Role) -> u8 {
    match role {
        Role::Viewer => 0,
        Role::Editor => 1,
        Role::Admin => 2,
    }
}

impl RoleMap {
    /// Checks every grant as an account's role and units would be checked
    /// (an editor needs units, only editors have them); fields are named
    /// after the claim value.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        for (value, grant) in &self.0 {
            if let Err(problems) = validate_assignment(grant.role, &grant.units) {
                for problem in problems.0 {
                    errors.add(format!("{value:?}.{}", problem.field), problem.message);
                }
            }
        }
        errors.into_result()
    }

    /// The assignment for the claim's values, or `None` when no value is mapped.
    pub fn assign(&self, claim_values: &[String]) -> Option<Assignment> {
        let grants: Vec<&RoleGrant> = claim_values.iter().filter_map(|v| self.0.get(v)).collect();
        let role = grants.iter().map(|g| g.role).max_by_key(|r| rank(*r))?;
        let mut units: Vec<Slug> = Vec::new();
        if role == Role::Editor {
            for unit in grants
                .iter()
                .filter(|g| g.role == role)
                .flat_map(|g| &g.units)
            {
                if !units.contains(unit) {
                    units.push(unit.clone());
                }
            }
        }
        Some(Assignment { role, units })
    }
}

/// The values of a role claim as sent: a list of strings, or one string
/// (some providers send a single group that way); anything else is no value.
pub fn claim_values(claim: Option<&serde_json::Value>) -> Vec<String> {
    match claim {
        Some(serde_json::Value::String(one)) => vec![one.clone()],
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> RoleMap {
        toml::from_str(
            r#"
            "kizuna-admins" = { role = "admin" }
            "nursing-coordinators" = { role = "editor", units = ["ki-nvs"] }
            "cmb-coordinators" = { role = "editor", units = ["cmb", "ki-nvs"] }
            "staff" = { role = "viewer" }
            "#,
        )
        .unwrap()
    }

    fn values(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    fn slugs(v: &[&str]) -> Vec<Slug> {
        v.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn one_group_gives_its_role_and_units() {
        let a = map().assign(&values(&["nursing-coordinators"])).unwrap();
        assert_eq!(a.role, Role::Editor);
        assert_eq!(a.units, slugs(&["ki-nvs"]));
        let a = map().assign(&values(&["staff"])).unwrap();
        assert_eq!((a.role, a.units), (Role::Viewer, vec![]));
    }

    #[test]
    fn the_highest_role_wins_and_carries_no_units_unless_editor() {
        let a = map()
            .assign(&values(&["staff", "nursing-coordinators", "kizuna-admins"]))
            .unwrap();
        assert_eq!(a.role, Role::Admin);
        assert!(a.units.is_empty(), "an admin has no units");
        let a = map()
            .assign(&values(&["staff", "nursing-coordinators"]))
            .unwrap();
        assert_eq!(a.role, Role::Editor);
    }

    #[test]
    fn an_editor_in_several_groups_keeps_every_unit_once() {
        let a = map()
            .assign(&values(&["nursing-coordinators", "cmb-coordinators"]))
            .unwrap();
        assert_eq!(a.units, slugs(&["ki-nvs", "cmb"]));
    }

    #[test]
    fn unmapped_values_give_nothing() {
        assert_eq!(map().assign(&values(&["students"])), None);
        assert_eq!(map().assign(&[]), None);
        assert_eq!(
            map().assign(&values(&["Kizuna-Admins"])),
            None,
            "values match exactly"
        );
        assert!(
            map()
                .assign(&values(&["students", "kizuna-admins"]))
                .is_some(),
            "unmapped values beside a mapped one are ignored"
        );
    }

    #[test]
    fn grants_are_checked_like_accounts() {
        assert!(map().validate().is_ok());
        let bad: RoleMap = toml::from_str(
            r#"
            "eds" = { role = "editor" }
            "viewers" = { role = "viewer", units = ["cmb"] }
            "#,
        )
        .unwrap();
        let err = bad.validate().unwrap_err().to_string();
        assert!(
            err.contains("\"eds\".units: an editor needs at least one unit"),
            "{err}"
        );
        assert!(
            err.contains("\"viewers\".units: only editors have units"),
            "{err}"
        );
        assert!(
            toml::from_str::<RoleMap>(r#""x" = { role = "owner" }"#).is_err(),
            "an unknown role is refused"
        );
        assert!(
            toml::from_str::<RoleMap>(r#""x" = { role = "admin", unit = "cmb" }"#).is_err(),
            "an unknown key is refused"
        );
    }

    #[test]
    fn claims_are_lists_or_single_strings() {
        let list = serde_json::json!(["a", "b", 3]);
        assert_eq!(claim_values(Some(&list)), values(&["a", "b"]));
        let one = serde_json::json!("a");
        assert_eq!(claim_values(Some(&one)), values(&["a"]));
        assert!(claim_values(Some(&serde_json::json!({"a": 1}))).is_empty());
        assert!(claim_values(None).is_empty());
    }
}
