//! Who may change what, through the API: each role × each action × where the
//! record lies, table-driven, plus how each collection finds its home unit.

mod common;
mod writers;

use common::{TestApp, spawn_app, spawn_app_on_postgres};
use serde_json::json;
use writers::{Writer, agreement, cast, etag, expect, expect_problem, send};

#[derive(Debug, Clone, Copy)]
enum Who {
    Admin,
    Editor,
    Viewer,
}

/// Where the record lies, seen from the editor of `cmb`.
#[derive(Debug, Clone, Copy)]
enum Place {
    InScope,
    BelowScope,
    OutOfScope,
    Central,
}

#[derive(Debug, Clone, Copy)]
enum Act {
    Create,
    Update,
    Delete,
    Restore,
}

use Act::*;
use Place::*;
use Who::*;

/// The expected status of every combination (3 roles × 4 places × 4
/// actions), written out by hand.
#[rustfmt::skip]
const MATRIX: &[(Who, Place, Act, u16)] = &[
    (Admin, InScope, Create, 201), (Admin, InScope, Update, 200), (Admin, InScope, Delete, 204), (Admin, InScope, Restore, 200),
    (Admin, BelowScope, Create, 201), (Admin, BelowScope, Update, 200), (Admin, BelowScope, Delete, 204), (Admin, BelowScope, Restore, 200),
    (Admin, OutOfScope, Create, 201), (Admin, OutOfScope, Update, 200), (Admin, OutOfScope, Delete, 204), (Admin, OutOfScope, Restore, 200),
    (Admin, Central, Create, 201), (Admin, Central, Update, 200), (Admin, Central, Delete, 204), (Admin, Central, Restore, 200),
    (Editor, InScope, Create, 201), (Editor, InScope, Update, 200), (Editor, InScope, Delete, 204), (Editor, InScope, Restore, 403),
    (Editor, BelowScope, Create, 201), (Editor, BelowScope, Update, 200), (Editor, BelowScope, Delete, 204), (Editor, BelowScope, Restore, 403),
    (Editor, OutOfScope, Create, 403), (Editor, OutOfScope, Update, 403), (Editor, OutOfScope, Delete, 403), (Editor, OutOfScope, Restore, 403),
    (Editor, Central, Create, 403), (Editor, Central, Update, 403), (Editor, Central, Delete, 403), (Editor, Central, Restore, 403),
    (Viewer, InScope, Create, 403), (Viewer, InScope, Update, 403), (Viewer, InScope, Delete, 403), (Viewer, InScope, Restore, 403),
    (Viewer, BelowScope, Create, 403), (Viewer, BelowScope, Update, 403), (Viewer, BelowScope, Delete, 403), (Viewer, BelowScope, Restore, 403),
    (Viewer, OutOfScope, Create, 403), (Viewer, OutOfScope, Update, 403), (Viewer, OutOfScope, Delete, 403), (Viewer, OutOfScope, Restore, 403),
    (Viewer, Central, Create, 403), (Viewer, Central, Update, 403), (Viewer, Central, Delete, 403), (Viewer, Central, Restore, 403),
];

const WHO: [Who; 3] = [Admin, Editor, Viewer];
const PLACES: [Place; 4] = [InScope, BelowScope, OutOfScope, Central];
const ACTS: [Act; 4] = [Create, Update, Delete, Restore];

#[test]
fn the_matrix_has_every_cell_once() {
    for who in WHO {
        for place in PLACES {
            for act in ACTS {
                let cell = format!("{who:?} {place:?} {act:?}");
                let found = MATRIX
                    .iter()
                    .filter(|(w, p, a, _)| format!("{w:?} {p:?} {a:?}") == cell)
                    .count();
                assert_eq!(found, 1, "{cell}");
            }
        }
    }
    assert_eq!(MATRIX.len(), WHO.len() * PLACES.len() * ACTS.len());
}

fn home(place: Place) -> Option<&'static str> {
    match place {
        InScope => Some("cmb"),
        BelowScope => Some("cmb-lab"),
        OutOfScope => Some("bionut"),
        Central => None,
    }
}

/// Asserts what an allowed act did to the agreement at `uri` (created as
/// `case` with the notes "Joint research.", then patched to notes "v2").
async fn assert_done(app: &TestApp, act: Act, case: &str, place: Place, uri: &str) {
    let stored = app.get(uri).await;
    if let Delete = act {
        expect_problem(&stored, 404);
        return;
    }
    expect(&stored, 200);
    let now = stored.json();
    let title = match act {
        Update => format!("{case} (changed)"),
        _ => case.to_owned(),
    };
    assert_eq!(now["title"], title, "{case}: title");
    // An update sends the first version's notes again, and a restore puts
    // that version back: either way the patch's "v2" is gone.
    assert_eq!(now["notes"], "Joint research.", "{case}: notes");
    assert_eq!(now["home_unit"], json!(home(place)), "{case}: home unit");
}

/// Asserts that a refused act left the agreement at `uri` as it was.
async fn assert_untouched(app: &TestApp, act: Act, case: &str, uri: &str) {
    let stored = app.get(uri).await;
    if let Create = act {
        expect_problem(&stored, 404);
        return;
    }
    expect(&stored, 200);
    let now = stored.json();
    assert_eq!(
        (now["title"].as_str(), now["notes"].as_str()),
        (Some(case), Some("v2")),
        "{case}: unchanged"
    );
}

async fn matrix(app: &TestApp) {
    let c = cast(app).await;
    let lab = json!({"id": "cmb-lab", "kind": "unit", "parent": "cmb",
        "names": [{"value": "CMB Stem Cell Lab", "lang": "en", "kind": "display"}]});
    expect(&c.admin.post(app, "/api/v1/organisations", &lab).await, 201);
    let actor = |who: Who| -> &Writer {
        match who {
            Admin => &c.admin,
            Editor => &c.editor,
            Viewer => &c.viewer,
        }
    };
    for &(who, place, act, status) in MATRIX {
        let case = format!("{who:?} {place:?} {act:?}");
        let id = case.to_lowercase().replace(' ', "-");
        let uri = format!("/api/v1/agreements/{id}");
        let body = agreement(&case, home(place));
        let by = actor(who);
        let response = match act {
            Create => by.post(app, "/api/v1/agreements", &body).await,
            Update | Delete | Restore => {
                let created = c.admin.post(app, "/api/v1/agreements", &body).await;
                assert_eq!(created.status, 201, "{case}: setting up: {}", created.body);
                let first = etag(&created);
                let changed = c
                    .admin
                    .patch(app, &uri, first, &json!({"notes": "v2"}))
                    .await;
                let current = etag(&changed);
                match act {
                    Update => {
                        let mut changed = body.clone();
                        changed["title"] = json!(format!("{case} (changed)"));
                        by.put(app, &uri, current, &changed).await
                    }
                    Delete => by.delete(app, &uri, current).await,
                    _ => {
                        send(
                            app,
                            "POST",
                            &format!("{uri}/restore"),
                            Some(&by.token),
                            Some(current),
                            Some(&json!({"revision": first})),
                        )
                        .await
                    }
                }
            }
        };
        assert_eq!(
            response.status.as_u16(),
            status,
            "{case}: {}",
            response.body
        );
        if status == 403 {
            assert_eq!(
                response.content_type(),
                "application/problem+json",
                "{case}"
            );
            assert_untouched(app, act, &case, &uri).await;
        } else {
            assert_done(app, act, &case, place, &uri).await;
        }
    }
}

#[tokio::test]
async fn each_role_each_action_each_place() {
    matrix(&spawn_app().await).await;
}

#[tokio::test]
async fn each_role_each_action_each_place_on_postgres() {
    if let Some(app) = spawn_app_on_postgres().await {
        matrix(&app).await;
    }
}

/// Patches `uri` (at its current version) as `by`, answering the status.
async fn patch_as(app: &TestApp, by: &Writer, uri: &str, patch: serde_json::Value) -> u16 {
    let current = by.get(app, &format!("{uri}/internal")).await;
    by.patch(app, uri, etag(&current), &patch)
        .await
        .status
        .as_u16()
}

#[tokio::test]
async fn every_collection_finds_its_home_unit() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let e = &c.editor;
    // Programmes: every unit under the home organisation (a partner's units
    // do not count); UTokyo–KI Link is run by `cmb` and `bionut`.
    assert_eq!(
        patch_as(
            &app,
            e,
            "/api/v1/programmes/utokyo-ki-link",
            json!({"recurrence": "annual"})
        )
        .await,
        403
    );
    let own = json!({"kind": "course", "title": "CMB course", "partners": ["utokyo"],
        "units": ["cmb", "utokyo-iqb"]});
    expect(&e.post(&app, "/api/v1/programmes", &own).await, 201);
    assert_eq!(
        patch_as(
            &app,
            e,
            "/api/v1/programmes/cmb-course",
            json!({"recurrence": "annual"})
        )
        .await,
        200
    );
    assert_eq!(
        patch_as(
            &app,
            e,
            "/api/v1/programmes/trio-utokyo-workshops",
            json!({"recurrence": "annual"})
        )
        .await,
        403
    );
    // Contacts: their unit.
    assert_eq!(
        patch_as(
            &app,
            e,
            "/api/v1/contacts/per-nilsson",
            json!({"role": "x"})
        )
        .await,
        403
    );
    let contact = json!({"name": "Kim Lab", "unit": "cmb", "organisation": "ki"});
    expect(&e.post(&app, "/api/v1/contacts", &contact).await, 201);
    // Funding: the home unit of its agreement.
    assert_eq!(
        patch_as(
            &app,
            e,
            "/api/v1/funding/ki-utokyo-travel-award",
            json!({"amount": "1"})
        )
        .await,
        403
    );
    expect(
        &e.post(
            &app,
            "/api/v1/agreements",
            &agreement("CMB travel", Some("cmb")),
        )
        .await,
        201,
    );
    let grant =
        json!({"kind": "travel_grant", "title": "CMB travel grant", "agreement": "cmb-travel"});
    expect(&e.post(&app, "/api/v1/funding", &grant).await, 201);
    // Organisations: a unit under the home organisation is its own home unit.
    assert_eq!(
        patch_as(
            &app,
            e,
            "/api/v1/organisations/cmb",
            json!({"city": "Solna"})
        )
        .await,
        200
    );
    assert_eq!(
        patch_as(
            &app,
            e,
            "/api/v1/organisations/ki",
            json!({"city": "Solna"})
        )
        .await,
        403
    );
    assert_eq!(
        patch_as(
            &app,
            e,
            "/api/v1/organisations/utokyo-iqb",
            json!({"city": "Tokyo"})
        )
        .await,
        403
    );
    let unit = |parent: &str, name: &str| json!({"kind": "unit", "parent": parent, "names": [{"value": name, "kind": "display"}]});
    expect(
        &e.post(&app, "/api/v1/organisations", &unit("cmb", "CMB Imaging"))
            .await,
        201,
    );
    expect_problem(
        &e.post(&app, "/api/v1/organisations", &unit("bionut", "BioNut Lab"))
            .await,
        403,
    );
    let university = json!({"kind": "education", "country": "JP", "names": [{"value": "Kyoto University", "kind": "display"}]});
    expect_problem(
        &e.post(&app, "/api/v1/organisations", &university).await,
        403,
    );
}

#[tokio::test]
async fn an_editor_cannot_move_a_record_across_the_edge_of_their_scope() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    expect(
        &c.editor
            .post(&app, "/api/v1/agreements", &agreement("Ours", Some("cmb")))
            .await,
        201,
    );
    expect(
        &c.admin
            .post(
                &app,
                "/api/v1/agreements",
                &agreement("Theirs", Some("bionut")),
            )
            .await,
        201,
    );
    assert_eq!(
        patch_as(
            &app,
            &c.editor,
            "/api/v1/agreements/ours",
            json!({"home_unit": "bionut"})
        )
        .await,
        403
    );
    assert_eq!(
        patch_as(
            &app,
            &c.editor,
            "/api/v1/agreements/ours",
            json!({"home_unit": null, "level": "central"})
        )
        .await,
        403
    );
    assert_eq!(
        patch_as(
            &app,
            &c.editor,
            "/api/v1/agreements/theirs",
            json!({"home_unit": "cmb"})
        )
        .await,
        403
    );
    assert_eq!(
        app.json("/api/v1/agreements/ours").await["home_unit"],
        "cmb"
    );
    assert_eq!(
        app.json("/api/v1/agreements/theirs").await["home_unit"],
        "bionut"
    );
}
