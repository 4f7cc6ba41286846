//! `/incoming`: the home institution's factsheet for incoming exchange
//! students, in words: deadlines per term, how soon decisions come, what to
//! send, and whom to ask about support, housing, visas and insurance.

use axum::extract::State;
use axum::response::Response;
use kizuna_domain::{Factsheet, Information, MonthDay, TermDates};
use serde::Serialize;

use crate::http::render::{HTML, render};
use crate::{AppError, AppState};

/// When something must arrive, in each term.
#[derive(Debug, Serialize)]
struct TermsView {
    autumn: DayView,
    spring: DayView,
}

/// A day of the year: its parts for the page's language to word, and as
/// machines read it.
#[derive(Debug, Serialize)]
struct DayView {
    month: u32,
    day: u32,
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
    /// `infrastructure` or `service`.
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
    nominations: TermsView,
    applications: TermsView,
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

fn terms(t: &TermDates) -> TermsView {
    TermsView {
        autumn: day(t.autumn),
        spring: day(t.spring),
    }
}

fn day(d: MonthDay) -> DayView {
    DayView {
        month: d.month(),
        day: d.day(),
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
        nominations: terms(&f.nominations),
        applications: terms(&f.applications),
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
                kind: a.kind.as_str(),
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
    state
        .cached("/incoming".to_owned(), HTML, async |snapshot| {
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
            let title = crate::http::lang::t("incoming-title");
            let page = view(institution, factsheet);
            Ok(render(&state, "incoming.html", title, "/incoming", page)
                .await?
                .0)
        })
        .await
}
