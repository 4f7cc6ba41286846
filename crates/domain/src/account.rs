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
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn slug(s: &str) -> Slug {
        s.parse().unwrap()
    }

    fn user(role: Role, units: &[&str]) -> User {
        User {
            id: 1,
            email: "someone@ki.se".parse().unwrap(),
            role,
            units: units.iter().map(|u| slug(u)).collect(),
            disabled: false,
            created_at: DateTime::UNIX_EPOCH,
        }
    }

    /// ki ← cmb ← cmb-lab; ki ← bionut; loop-a ⇄ loop-b.
    fn parents(id: &Slug) -> Option<Slug> {
        let tree: HashMap<&str, &str> = [
            ("cmb", "ki"),
            ("cmb-lab", "cmb"),
            ("bionut", "ki"),
            ("loop-a", "loop-b"),
            ("loop-b", "loop-a"),
        ]
        .into_iter()
        .collect();
        tree.get(id.as_str()).map(|p| slug(p))
    }

    /// Where a record lies, seen from an editor of `cmb`.
    #[derive(Debug, Clone, Copy)]
    enum Place {
        InScope,
        BelowScope,
        OutOfScope,
        Central,
    }

    const PLACES: [Place; 4] = [
        Place::InScope,
        Place::BelowScope,
        Place::OutOfScope,
        Place::Central,
    ];

    fn home_unit(place: Place) -> Option<Slug> {
        match place {
            Place::InScope => Some(slug("cmb")),
            Place::BelowScope => Some(slug("cmb-lab")),
            Place::OutOfScope => Some(slug("bionut")),
            Place::Central => None,
        }
    }

    /// The whole rule as a table, written out independently of `may`.
    fn expected(role: Role, action: Action, place: Place) -> bool {
        use Action::*;
        use Place::*;
        match role {
            Role::Admin => true,
            Role::Viewer => matches!(action, View),
            Role::Editor => match action {
                View => true,
                Create | Update | Delete => matches!(place, InScope | BelowScope),
                Restore | ManageUsers => false,
            },
        }
    }

    #[test]
    fn the_whole_matrix_of_role_action_and_place() {
        let mut checked = 0;
        for role in Role::ALL {
            let units: &[&str] = if *role == Role::Editor { &["cmb"] } else { &[] };
            let u = user(*role, units);
            for action in Action::ALL {
                for place in PLACES {
                    let home = home_unit(place);
                    assert_eq!(
                        may(&u, *action, home.as_ref(), &parents),
                        expected(*role, *action, place),
                        "{role} {action} {place:?}"
                    );
                    assert_eq!(
                        u.may(*action, home.as_ref(), &parents),
                        expected(*role, *action, place)
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 3 * 6 * 4);
    }

    #[test]
    fn admin_may_everything_everywhere() {
        let admin = user(Role::Admin, &[]);
        for action in Action::ALL {
            for place in PLACES {
                assert!(may(&admin, *action, home_unit(place).as_ref(), &parents));
            }
        }
    }

    #[test]
    fn viewer_may_only_view_internal_records_included() {
        let viewer = user(Role::Viewer, &[]);
        for place in PLACES {
            let home = home_unit(place);
            assert!(may(&viewer, Action::View, home.as_ref(), &parents));
            for action in [
                Action::Create,
                Action::Update,
                Action::Delete,
                Action::Restore,
                Action::ManageUsers,
            ] {
                assert!(!may(&viewer, action, home.as_ref(), &parents), "{action}");
            }
        }
    }

    #[test]
    fn editor_changes_own_and_lower_units_only() {
        let editor = user(Role::Editor, &["cmb"]);
        for action in [Action::Create, Action::Update, Action::Delete] {
            assert!(may(&editor, action, Some(&slug("cmb")), &parents));
            assert!(may(&editor, action, Some(&slug("cmb-lab")), &parents));
            assert!(!may(&editor, action, Some(&slug("bionut")), &parents));
            assert!(
                !may(&editor, action, Some(&slug("ki")), &parents),
                "a parent of the editor's unit is out of scope"
            );
            assert!(
                !may(&editor, action, None, &parents),
                "central records are not an editor's"
            );
        }
        for action in [Action::Restore, Action::ManageUsers] {
            assert!(!may(&editor, action, Some(&slug("cmb")), &parents));
            assert!(!may(&editor, action, None, &parents));
        }
    }

    #[test]
    fn editor_of_a_parent_covers_every_unit_below() {
        let editor = user(Role::Editor, &["bionut", "ki"]);
        assert!(may(
            &editor,
            Action::Update,
            Some(&slug("cmb-lab")),
            &parents
        ));
        assert!(may(
            &editor,
            Action::Update,
            Some(&slug("bionut")),
            &parents
        ));
        assert!(!may(
            &editor,
            Action::Update,
            Some(&slug("utokyo")),
            &parents
        ));
    }

    #[test]
    fn editor_without_units_may_change_nothing() {
        let editor = user(Role::Editor, &[]);
        assert!(may(&editor, Action::View, None, &parents));
        assert!(!may(&editor, Action::Update, Some(&slug("cmb")), &parents));
    }

    #[test]
    fn a_cycle_of_parents_ends_the_walk() {
        let editor = user(Role::Editor, &["cmb"]);
        assert!(!may(
            &editor,
            Action::Update,
            Some(&slug("loop-a")),
            &parents
        ));
        assert!(in_scope(&[slug("loop-b")], &slug("loop-a"), &parents));
    }

    #[test]
    fn a_disabled_account_may_nothing() {
        for role in Role::ALL {
            let mut u = user(*role, &["cmb"]);
            u.disabled = true;
            for action in Action::ALL {
                for place in PLACES {
                    assert!(!may(&u, *action, home_unit(place).as_ref(), &parents));
                }
            }
        }
    }

    #[test]
    fn roles_and_actions_are_lowercase_words() {
        assert_eq!("editor".parse::<Role>().unwrap(), Role::Editor);
        let err = "owner".parse::<Role>().unwrap_err().to_string();
        assert!(err.contains("admin, editor, viewer"), "{err}");
        assert_eq!(serde_json::to_string(&Role::Admin).unwrap(), "\"admin\"");
        assert_eq!(Action::ManageUsers.as_str(), "manage_users");
    }

    #[test]
    fn emails_are_lowercased_and_checked() {
        let e: Email = "  Anna.Berg@KI.se ".parse().unwrap();
        assert_eq!(e.as_str(), "anna.berg@ki.se");
        assert_eq!(e.to_string(), "anna.berg@ki.se");
        assert!("a+tag@sub.example.org".parse::<Email>().is_ok());
        assert!("山田@大学.jp".parse::<Email>().is_ok());
        assert!(
            "anna@ki.se\n".parse::<Email>().is_ok(),
            "surrounding blanks are trimmed"
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@ki.se",
            "anna@ki",
            "anna@@ki.se",
            "an na@ki.se",
            "anna@ki..se",
            "anna@-ki.se",
            ".anna@ki.se",
            "a..b@ki.se",
            "<anna@ki.se>",
        ] {
            assert!(bad.parse::<Email>().is_err(), "{bad:?} should be refused");
        }
        let long = format!("{}@ki.se", "a".repeat(65));
        assert!(long.parse::<Email>().is_err());
        let err = "anna".parse::<Email>().unwrap_err().to_string();
        assert!(err.contains("is not an e-mail address"), "{err}");
    }

    #[test]
    fn emails_round_trip_through_serde() {
        let e: Email = serde_json::from_str("\"Anna@KI.se\"").unwrap();
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"anna@ki.se\"");
        assert!(serde_json::from_str::<Email>("\"nope\"").is_err());
    }

    #[test]
    fn users_serialise_without_secrets() {
        let json = serde_json::to_value(user(Role::Editor, &["cmb"])).unwrap();
        assert_eq!(json["role"], "editor");
        assert_eq!(json["units"], serde_json::json!(["cmb"]));
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(
            keys.len(),
            6,
            "id, email, role, units, disabled, created_at: {keys:?}"
        );
    }

    #[test]
    fn roles_and_units_must_go_together() {
        assert!(validate_assignment(Role::Editor, &[slug("cmb")]).is_ok());
        assert!(validate_assignment(Role::Admin, &[]).is_ok());
        assert!(validate_assignment(Role::Viewer, &[]).is_ok());
        let err = validate_assignment(Role::Editor, &[]).unwrap_err();
        assert!(
            err.to_string()
                .contains("units: an editor needs at least one unit"),
            "{err}"
        );
        let err = validate_assignment(Role::Viewer, &[slug("cmb")]).unwrap_err();
        assert!(err.to_string().contains("only editors have units"), "{err}");
        let err = validate_assignment(Role::Admin, &[slug("cmb")]).unwrap_err();
        assert!(
            err.to_string().contains("an admin has none"),
            "the article fits the word: {err}"
        );
        let err = validate_assignment(Role::Editor, &[slug("cmb"), slug("cmb")]).unwrap_err();
        assert!(err.to_string().contains("`cmb` is given twice"), "{err}");
    }
}
