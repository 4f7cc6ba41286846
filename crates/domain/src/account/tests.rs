//! Tests of accounts and the permission rule, the whole role, action and
//! place matrix included.

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
