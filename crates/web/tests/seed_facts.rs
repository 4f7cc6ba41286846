//! Every fact of the seed page ("Collaboration in Japan") is reachable through
//! the API and said on /countries/jp.

mod common;

use common::{TestApp, ids, spawn_apps};
use serde_json::Value;

fn names(org: &Value) -> Vec<String> {
    org["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["value"].as_str().unwrap().to_owned())
        .collect()
}

async fn check_seed_facts(app: &TestApp) {
    let jp = app.json("/api/v1/countries/jp").await;
    assert_eq!(jp["country"], "JP");
    assert_eq!(jp["overview"]["collaboration_years"], 25);
    let fields: Vec<&str> = jp["overview"]["research_fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["neuroscience", "genomics", "cell biology", "immunology"]
    );
    assert_eq!(
        jp["overview"]["key_partners"],
        serde_json::json!(["riken", "utokyo", "tmu"])
    );
    for supporter in ["jsps", "jsps-scandinavia", "embassy-japan-stockholm"] {
        assert!(
            jp["overview"]["supporters"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s == supporter),
            "{supporter}"
        );
    }
    for section in ["intro", "education", "doctoral", "postdoc", "funding"] {
        assert!(
            jp["sections"][section]
                .as_str()
                .is_some_and(|s| !s.is_empty()),
            "section {section}"
        );
    }

    // Organisations, with their names in Japanese and their units.
    let utokyo = app.json("/api/v1/organisations/utokyo").await;
    assert!(names(&utokyo).contains(&"東京大学".to_owned()));
    assert_eq!(utokyo["identifiers"]["ror"], "057zh3y96");
    assert_eq!(utokyo["country"], "JP");
    assert!(utokyo["location"]["lat"].as_f64().is_some());
    assert!(
        names(&app.json("/api/v1/organisations/riken").await).contains(&"理化学研究所".to_owned())
    );
    let tmu = app.json("/api/v1/organisations/tmu").await;
    assert!(names(&tmu).contains(&"東京都立大学".to_owned()));
    assert_eq!(
        app.json("/api/v1/organisations/riken-yokohama").await["parent"],
        "riken"
    );
    assert_eq!(
        app.json("/api/v1/organisations/utokyo-iqb").await["parent"],
        "utokyo"
    );
    let trio = app.json("/api/v1/organisations/stockholm-trio").await;
    assert_eq!(trio["kind"], "consortium");
    assert_eq!(trio["members"], serde_json::json!(["ki", "kth", "su"]));
    let office = app.json("/api/v1/organisations/jsps-scandinavia").await;
    assert_eq!(
        (office["parent"].as_str(), office["country"].as_str()),
        (Some("jsps"), Some("SE"))
    );
    for id in [
        "ki",
        "cmb",
        "bionut",
        "kth",
        "su",
        "jsps",
        "sweden-japan-foundation",
        "embassy-japan-stockholm",
    ] {
        app.json(&format!("/api/v1/organisations/{id}")).await;
    }
    let units = app.json("/api/v1/organisations?partner=ki").await;
    assert_eq!(ids(&units), ["bionut", "cmb"]);

    // Agreements at the levels the page gives.
    let mous = app.json("/api/v1/agreements?country=jp&kind=mou").await;
    assert_eq!(mous["total"], 0, "the page names no MOU partner");
    let central = app
        .json("/api/v1/agreements?country=JP&level=central")
        .await;
    let bilateral_central: Vec<String> = central["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            a["parties"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["organisation"] == "ki")
        })
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        bilateral_central,
        ["riken-phd-exchange"],
        "the only central agreement of KI with a Japanese university"
    );
    let riken = app.json("/api/v1/agreements/riken-phd-exchange").await;
    assert_eq!(
        (riken["kind"].as_str(), riken["status"].as_str()),
        (Some("doctoral_exchange"), Some("active"))
    );
    let central_postdoc = app
        .json("/api/v1/agreements?country=jp&level=central&education_level=postdoc")
        .await;
    assert!(
        central_postdoc["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["parties"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["organisation"] != "ki")),
        "KI has no central postdoc agreement of its own with a Japanese university"
    );
    let renewal = app.json("/api/v1/agreements/trio-utokyo-spa-2022").await;
    assert_eq!(renewal["renews"], "trio-utokyo-spa");
    assert_eq!(renewal["signed_on"], "2022");
    assert_eq!(renewal["status"], "active");
    assert_eq!(renewal["kind"], "strategic_partnership");
    let parties: Vec<&str> = renewal["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["organisation"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["stockholm-trio", "utokyo"]);
    assert_eq!(
        app.json("/api/v1/agreements/trio-utokyo-spa").await["status"],
        "superseded",
        "renewed in 2022 by an agreement in force"
    );
    let tmu_exchange = app
        .json("/api/v1/agreements?partner=tmu&kind=student_exchange")
        .await;
    assert_eq!(ids(&tmu_exchange), ["tmu-student-exchange"]);
    let programmes = &tmu_exchange["items"][0]["study_programmes"];
    assert_eq!(
        programmes,
        &serde_json::json!(["physiotherapy", "nursing", "occupational therapy"])
    );
    assert_ne!(tmu_exchange["items"][0]["level"], "central");
    let nursing = app.json("/api/v1/agreements?subject_area=0913").await;
    assert_eq!(ids(&nursing), ["tmu-student-exchange"]);

    // Programmes.
    let link = app.json("/api/v1/programmes/utokyo-ki-link").await;
    assert_eq!(
        link["units"],
        serde_json::json!(["cmb", "bionut", "utokyo-iqb"])
    );
    assert_eq!(
        link["education_levels"],
        serde_json::json!(["doctoral", "postdoc"])
    );
    let course = app.json("/api/v1/programmes/ki-riken-phd-course").await;
    assert_eq!(course["recurrence"], "annual");
    assert!(
        course["locations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "riken-yokohama")
    );
    let under_spa: Vec<String> = app.json("/api/v1/programmes?partner=utokyo").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["agreement"] == "trio-utokyo-spa-2022")
        .map(|p| p["kind"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        under_spa.contains(&"workshop".to_owned())
            && under_spa.contains(&"travel_grant_scheme".to_owned())
    );
    assert_eq!(
        ids(&app.json("/api/v1/programmes?partner=tmu").await),
        ["tmu-ki-case-study-course"]
    );

    // Funding.
    let jsps = app.json("/api/v1/funding/jsps-fellowships").await;
    assert_eq!(jsps["funder"], "jsps");
    assert_eq!(
        jsps["career_stages"],
        serde_json::json!(["doctoral", "postdoc", "researcher"])
    );
    assert_eq!(
        app.json("/api/v1/funding/sweden-japan-foundation-scholarships")
            .await["funder"],
        "sweden-japan-foundation"
    );
    let award = app.json("/api/v1/funding/ki-utokyo-travel-award").await;
    assert_eq!(award["agreement"], "trio-utokyo-spa-2022");
    let for_japan = app.json("/api/v1/funding?country=jp").await;
    assert_eq!(for_japan["total"], 3);

    // Contacts.
    let contacts = app.json("/api/v1/contacts?country=jp").await;
    let people: Vec<(String, String)> = contacts["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["role"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                "Lotta Lundqvist".to_owned(),
                "International Coordinator".to_owned()
            ),
            (
                "Per Nilsson".to_owned(),
                "Academic coordinator Japan".to_owned()
            )
        ]
    );
}

#[tokio::test]
async fn seed_facts_are_in_the_api() {
    for app in spawn_apps().await {
        check_seed_facts(&app).await;
    }
}

#[tokio::test]
async fn the_country_page_says_every_fact() {
    for app in spawn_apps().await {
        let page = app.get("/countries/jp").await;
        assert_eq!(page.status, 200);
        let html = page.body;
        for fact in [
            "Collaboration in Japan",
            "25",
            "neuroscience",
            "genomics",
            "cell biology",
            "immunology",
            "RIKEN",
            "理化学研究所",
            "Yokohama",
            "University of Tokyo",
            "東京大学",
            "Tokyo Metropolitan University",
            "東京都立大学",
            "Stockholm Trio",
            "KTH",
            "Stockholm University",
            "Strategic Partnership",
            "2022",
            "UTokyo-KI LINK",
            "Department of Cell and Molecular Biology",
            "Department of Biosciences and Nutrition",
            "Institute for Quantitative Biosciences",
            "physiotherapy",
            "nursing",
            "occupational therapy",
            "PhD short-term exchange",
            "Japan Society for the Promotion of Science",
            "Sweden-Japan Foundation",
            "Embassy of Japan",
            "Lotta Lundqvist",
            "International Coordinator",
            "Per Nilsson",
            "Academic coordinator Japan",
            "Agneta Richter-Dahlfors",
            "/map",
        ] {
            assert!(html.contains(fact), "/countries/jp does not say {fact:?}");
        }
        assert!(
            html.contains("No memorandum of understanding"),
            "the empty MOU list is stated, not hidden"
        );
    }
}
