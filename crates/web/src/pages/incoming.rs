//! `/incoming`: the home institution's factsheet for incoming exchange
//! students, in words: deadlines per term, how soon decisions come, what to
//! send, and whom to ask about support, housing, visas and insurance.

use axum::extract::State;
use axum::response::Response;
use kizuna_domain::{AccessibilityKind, Factsheet, Information, MonthDay};
use serde::Serialize;

use crate::http::render::render;
use crate::{AppError, AppState};

/// One deadline row: what must arrive, by when in each term.
#[derive(Debug, Serialize)]
struct DeadlineRow {
    what: &'static str,
    autumn: DayView,
    spring: DayView,
}

/// A day of the year as shown and as machines read it.
#[derive(Debug, Serialize)]
struct DayView {
    /// `15 April`.
    words: String,
    /// `04-15` (HTML's yearless date).
    datetime: String,
}

/// Whom to ask.
#[derive(Debug, Serialize)]
struct AskView {
    email: String,
    phone: Option<String>,
    /// The phone number for a `tel:` link: its digits and a leading `+`.
    tel: Option<String>,
    website: String,
}

#[derive(Debug, Serialize)]
struct RequirementView {
    name: String,
    details: String,
    website: Option<String>,
}

#[derive(Debug, Serialize)]
struct SupportView {
    name: String,
    kind: &'static str,
    description: Option<String>,
    ask: AskView,
}

#[derive(Debug, Serialize)]
struct TopicView {
    topic: String,
    ask: AskView,
}

/// The page's view.
#[derive(Debug, Serialize)]
struct IncomingView {
    institution: Option<String>,
    deadlines: Vec<DeadlineRow>,
    decision_weeks: u32,
    tor_weeks: u32,
    application: AskView,
    requirements: Vec<RequirementView>,
    accessibility: Vec<SupportView>,
    housing: AskView,
    visa: AskView,
    insurance: AskView,
    others: Vec<TopicView>,
    /// When it was last changed, `2027-03-01`.
    updated: Option<String>,
}

fn day(d: MonthDay) -> DayView {
    DayView {
        words: d.words(),
        datetime: format!("{:02}-{:02}", d.month(), d.day()),
    }
}

fn ask(info: &Information) -> AskView {
    let phone = info.phone.clone().filter(|p| !p.trim().is_empty());
    let tel = phone.as_deref().map(|p| {
        p.chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    });
    AskView {
        email: info.email.clone(),
        phone,
        tel,
        website: info.website.clone(),
    }
}

fn view(institution: Option<String>, f: &Factsheet) -> IncomingView {
    IncomingView {
        institution,
        deadlines: vec![
            DeadlineRow {
                what: "Nominations from your home university",
                autumn: day(f.nominations.autumn),
                spring: day(f.nominations.spring),
            },
            DeadlineRow {
                what: "Your application",
                autumn: day(f.applications.autumn),
                spring: day(f.applications.spring),
            },
        ],
        decision_weeks: f.decision_weeks,
        tor_weeks: f.tor_weeks,
        application: ask(&f.application),
        requirements: f
            .requirements
            .iter()
            .map(|r| RequirementView {
                name: r.name.clone(),
                details: r.details.clone(),
                website: r.website.clone(),
            })
            .collect(),
        accessibility: f
            .accessibility
            .iter()
            .map(|a| SupportView {
                name: a.name.clone(),
                kind: match a.kind {
                    AccessibilityKind::Infrastructure => "Accessible buildings and facilities",
                    AccessibilityKind::Service => "Support service",
                },
                description: a.description.clone(),
                ask: ask(&a.information),
            })
            .collect(),
        housing: ask(&f.housing),
        visa: ask(&f.visa),
        insurance: ask(&f.insurance),
        others: f
            .additional_info
            .iter()
            .map(|x| TopicView {
                topic: x.topic.clone(),
                ask: ask(&x.information),
            })
            .collect(),
        updated: f.updated_at.map(|at| at.date_naive().to_string()),
    }
}

/// `GET /incoming`: the factsheet, or 404 while none is published.
pub async fn incoming(State(state): State<AppState>) -> Result<Response, AppError> {
    let html = "text/html; charset=utf-8";
    state
        .cached("/incoming".to_owned(), html, async |snapshot| {
            let factsheet = snapshot.factsheet.as_ref().ok_or_else(|| {
                AppError::NotFound(
                    "The factsheet for incoming exchange students is not published yet.".to_owned(),
                )
            })?;
            let institution = snapshot
                .home
                .as_ref()
                .and_then(|h| snapshot.organisations.get(h))
                .map(|o| o.display_name().to_owned());
            let title = "Incoming exchange students".to_owned();
            let page = view(institution, factsheet);
            Ok(render(&state, "incoming.html", title, "/incoming", page)
                .await?
                .0)
        })
        .await
}
