//! `/admin/import`: a spreadsheet of one collection, uploaded, previewed row
//! by row, then applied as one change set (which an admin can revert in one
//! step). Works without JavaScript: the preview carries the file back in a
//! hidden field, and applying re-reads it and checks that the registry still
//! gives the preview's outcome before anything is written.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use axum::extract::{Form, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use kizuna_core::Snapshot;
use kizuna_domain::{Action, Collection, Role};
use kizuna_interop::sheets::{self, Format, Mapping, Outcome, Plan, SheetError};
use serde::{Deserialize, Serialize};

use super::problems::{import_problem_text, import_text};
use super::{PageUser, page};
use crate::http::auth::Staff;
use crate::http::csrf::Csrf;
use crate::writer::{after_write, writer};
use crate::{AppError, AppState};

const TEMPLATE: &str = "admin/import.html";
const PATH: &str = "/admin/import";
const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// What the import page shows: the form, a preview, or what was written.
#[derive(Debug, Default, Serialize)]
struct ImportView {
    collections: Vec<&'static str>,
    collection: String,
    /// Why the file could not be read at all.
    error: Option<String>,
    /// The preview of an upload.
    preview: Option<PreviewView>,
    /// What applying did.
    done: Option<DoneView>,
    /// The registry changed between preview and apply.
    changed_meanwhile: bool,
    /// Whether the user may revert a change set.
    admin: bool,
}

#[derive(Debug, Serialize)]
struct PreviewView {
    file_name: String,
    counts: sheets::Counts,
    ignored: Vec<String>,
    rows: Vec<RowView>,
    /// The file and mapping to send back with "Apply" (absent when rows have errors).
    resend: Option<Resend>,
}

/// One row of the report, its problems and notes in the reader's language.
#[derive(Debug, Serialize)]
struct RowView {
    line: usize,
    id: Option<String>,
    /// `created`, `changed`, `unchanged` or `error`.
    outcome: &'static str,
    /// The fields a change touches (`changed`).
    fields: Vec<String>,
    /// The problems (`error`).
    errors: Vec<CellView>,
    notes: Vec<String>,
}

#[derive(Debug, Serialize)]
struct CellView {
    column: String,
    message: String,
}

fn row_view(row: &sheets::RowReport) -> RowView {
    let (outcome, fields, errors) = match &row.outcome {
        Outcome::Created => ("created", Vec::new(), Vec::new()),
        Outcome::Changed(fields) => ("changed", fields.clone(), Vec::new()),
        Outcome::Unchanged => ("unchanged", Vec::new(), Vec::new()),
        Outcome::Error(errors) => {
            let errors = (errors.iter())
                .map(|e| CellView {
                    column: e.column.clone(),
                    message: import_problem_text(e.problem.as_ref(), &e.message),
                })
                .collect();
            ("error", Vec::new(), errors)
        }
    };
    RowView {
        line: row.line,
        id: row.id.clone(),
        outcome,
        fields,
        errors,
        notes: row.notes.iter().map(import_text).collect(),
    }
}

/// What "Apply" sends back: the upload as it was, and the preview's digest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Resend {
    collection: String,
    file_name: String,
    data: String,
    #[serde(default)]
    mapping: String,
    digest: String,
}

#[derive(Debug, Serialize)]
struct DoneView {
    created: usize,
    updated: usize,
    first: Option<i64>,
    last: Option<i64>,
    reverted: bool,
}

fn view(collection: &str, staff: &Staff) -> ImportView {
    ImportView {
        collections: Collection::ALL.iter().map(|c| c.as_str()).collect(),
        collection: collection.to_owned(),
        admin: staff.user.role == Role::Admin,
        ..ImportView::default()
    }
}

/// Viewers change nothing, so they import nothing.
fn require_writer(staff: &Staff) -> Result<(), AppError> {
    if staff.user.role == Role::Viewer || staff.user.disabled {
        return Err(AppError::Refused {
            status: StatusCode::FORBIDDEN,
            english: format!("a {} may not import records", staff.user.role),
            problem: kizuna_domain::Problem::new("may-not-import").with("role", staff.user.role),
        });
    }
    Ok(())
}

async fn render(
    state: &AppState,
    staff: &Staff,
    csrf: &Csrf,
    status: StatusCode,
    view: ImportView,
) -> Result<Response, AppError> {
    let html = page(
        state,
        staff,
        csrf,
        TEMPLATE,
        crate::http::lang::t("admin-import-sheet"),
        PATH,
        view,
    )
    .await?;
    Ok((status, html).into_response())
}

/// `GET /admin/import`: the upload form.
pub async fn form(
    State(state): State<AppState>,
    super::StaffPage(staff): PageUser,
    csrf: Csrf,
) -> Result<Response, AppError> {
    require_writer(&staff)?;
    render(
        &state,
        &staff,
        &csrf,
        StatusCode::OK,
        view("agreements", &staff),
    )
    .await
}

/// A digest of a preview's outcomes: applying goes ahead only when the
/// registry still gives the same.
fn digest(plan: &Plan) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    serde_json::to_string(&plan.rows)
        .unwrap_or_default()
        .hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Plans the upload against the registry as it is now.
async fn plan_upload(
    snapshot: Arc<Snapshot>,
    staff: &Staff,
    upload: &Resend,
) -> Result<Result<Plan, String>, AppError> {
    let collection: Collection = upload
        .collection
        .parse()
        .map_err(|e: kizuna_domain::UnknownValue| AppError::BadRequest(e.to_string()))?;
    let bytes = BASE64.decode(upload.data.as_bytes()).map_err(|_| {
        AppError::BadRequest("the file was not sent back whole; upload it again".to_owned())
    })?;
    let mapping = match upload.mapping.trim() {
        "" => Mapping::default(),
        text => match Mapping::from_toml(text) {
            Ok(m) => m,
            Err(e) => return Ok(Err(sheet_error_text(&e))),
        },
    };
    let format = Format::of(&bytes, &upload.file_name);
    let user = staff.user.clone();
    // Reading and checking thousands of rows takes a while: off the async threads.
    let planned = tokio::task::spawn_blocking(move || {
        sheets::read_plan(&bytes, format, collection, &mapping, &snapshot, Some(&user))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(planned.map_err(|e: SheetError| sheet_error_text(&e)))
}

/// Why a file cannot be imported, in the reader's language (the file's own
/// details, such as its headers or a parser's report, stay as read).
fn sheet_error_text(e: &SheetError) -> String {
    let name = |c: &Collection| {
        super::records::tx("admin-records", &[("collection", c.as_str())]).to_lowercase()
    };
    match e {
        SheetError::NoRows => crate::http::lang::t("import-file-no-rows"),
        SheetError::WrongCollection { wanted, looks_like } => super::records::tx(
            "import-file-wrong-collection",
            &[
                ("wanted", wanted.as_str()),
                ("looks_like", looks_like.as_str()),
                ("wanted_name", &name(wanted)),
                ("looks_like_name", &name(looks_like)),
            ],
        ),
        SheetError::NotASheet(reason) | SheetError::Header(reason) => import_text(reason),
        SheetError::Mapping(reason) => super::records::tx(
            "import-file-mapping-wrong",
            &[("detail", &import_text(reason))],
        ),
    }
}

fn preview(plan: &Plan, upload: Resend) -> PreviewView {
    let counts = plan.counts();
    PreviewView {
        file_name: upload.file_name.clone(),
        counts,
        ignored: plan
            .header
            .ignored()
            .into_iter()
            .map(str::to_owned)
            .collect(),
        rows: plan.rows.iter().map(row_view).collect(),
        resend: (counts.errors == 0 && counts.created + counts.changed > 0).then(|| Resend {
            digest: digest(plan),
            ..upload
        }),
    }
}

/// `POST /admin/import` (multipart: collection, file, optional mapping file): the preview.
pub async fn upload(
    State(state): State<AppState>,
    super::StaffPage(staff): PageUser,
    csrf: Csrf,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    require_writer(&staff)?;
    let mut upload = Resend {
        collection: String::new(),
        file_name: String::new(),
        data: String::new(),
        mapping: String::new(),
        digest: String::new(),
    };
    let bad = |e: axum::extract::multipart::MultipartError| {
        AppError::BadRequest(format!("the upload was cut off: {e}"))
    };
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        match field.name().unwrap_or_default() {
            "collection" => upload.collection = field.text().await.map_err(bad)?,
            "file" => {
                upload.file_name = field.file_name().unwrap_or_default().to_owned();
                upload.data = BASE64.encode(field.bytes().await.map_err(bad)?);
            }
            "mapping" => {
                upload.mapping =
                    String::from_utf8_lossy(&field.bytes().await.map_err(bad)?).into_owned()
            }
            _ => {}
        }
    }
    let mut page_view = view(&upload.collection, &staff);
    if upload.data.is_empty() {
        page_view.error = Some(crate::http::lang::t("admin-import-choose-file"));
        return render(
            &state,
            &staff,
            &csrf,
            StatusCode::UNPROCESSABLE_ENTITY,
            page_view,
        )
        .await;
    }
    match plan_upload(state.snapshot().await, &staff, &upload).await? {
        Ok(plan) => {
            let status = if plan.has_errors() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            page_view.preview = Some(preview(&plan, upload));
            render(&state, &staff, &csrf, status, page_view).await
        }
        Err(message) => {
            page_view.error = Some(super::records::tx(
                "admin-import-cannot",
                &[("file", &upload.file_name), ("detail", &message)],
            ));
            render(
                &state,
                &staff,
                &csrf,
                StatusCode::UNPROCESSABLE_ENTITY,
                page_view,
            )
            .await
        }
    }
}

/// `POST /admin/import/apply`: writes the previewed upload as one change set,
/// unless the registry now gives another outcome (then the new preview).
pub async fn apply(
    State(state): State<AppState>,
    super::StaffPage(staff): PageUser,
    csrf: Csrf,
    Form(upload): Form<Resend>,
) -> Result<Response, AppError> {
    require_writer(&staff)?;
    let mut page_view = view(&upload.collection, &staff);
    // The plan and the write judge by one snapshot: what was checked is what is written.
    let snapshot = state.snapshot().await;
    let writer = kizuna_core::Writer::new(state.registry().clone(), snapshot.clone());
    let plan = match plan_upload(snapshot, &staff, &upload).await? {
        Ok(plan) => plan,
        Err(message) => {
            page_view.error = Some(message);
            return render(
                &state,
                &staff,
                &csrf,
                StatusCode::UNPROCESSABLE_ENTITY,
                page_view,
            )
            .await;
        }
    };
    if digest(&plan) != upload.digest || plan.has_errors() {
        page_view.changed_meanwhile = true;
        page_view.preview = Some(preview(&plan, upload));
        return render(&state, &staff, &csrf, StatusCode::CONFLICT, page_view).await;
    }
    let set = sheets::apply(&writer, &plan, Some(&staff.user), staff.user.email.as_str()).await?;
    after_write(&state).await;
    page_view.done = Some(DoneView {
        created: set.report.created,
        updated: set.report.updated,
        first: set.revisions.map(|r| r.0),
        last: set.revisions.map(|r| r.1),
        reverted: false,
    });
    render(&state, &staff, &csrf, StatusCode::OK, page_view).await
}

/// What "Revert this import" sends.
#[derive(Debug, Deserialize)]
pub struct RevertForm {
    first: i64,
    last: i64,
}

/// `POST /admin/import/revert`: undoes a change set in one step (admins).
pub async fn revert(
    State(state): State<AppState>,
    super::StaffPage(staff): PageUser,
    csrf: Csrf,
    Form(form): Form<RevertForm>,
) -> Result<Response, AppError> {
    let snapshot = state.snapshot().await;
    staff.require(&snapshot, Action::Restore, None)?;
    let report = writer(&state)
        .await
        .revert_change_set(&staff.user, form.first, form.last)
        .await?;
    after_write(&state).await;
    let mut page_view = view("agreements", &staff);
    page_view.done = Some(DoneView {
        created: report.created,
        updated: report.updated + report.deleted,
        first: Some(form.first),
        last: Some(form.last),
        reverted: true,
    });
    render(&state, &staff, &csrf, StatusCode::OK, page_view).await
}
