//! Two `kizuna serve` on one database (a PostgreSQL, or a SQLite file): a change written through one is on
//! the other's pages, API and map within two seconds, and once seen, no
//! cached answer of an older revision comes back.

mod common;

use std::time::{Duration, Instant};

use kizuna_core::{Expect, Registry};
use kizuna_domain::Organisation;

/// The answers of the reader that must follow the change, each cached once
/// before the change so that a stale cache would show.
const FOLLOWING: [&str; 7] = [
    "/countries/jp",
    "/agreements/tmu-student-exchange",
    "/api/v1/countries/jp",
    "/api/v1/map?zoom=18",
    "/api/v1/organisations/tmu",
    "/api/v1/organisations?country=jp&limit=500",
    "/organisations/tmu",
];

#[tokio::test]
async fn a_change_on_one_node_reaches_the_others_pages_api_and_map_within_two_seconds() {
    for (_, url) in common::fresh_urls().await {
        let reader = common::app_on(kizuna_storage::connect(&url).await.unwrap()).await;
        let writer = Registry::new(kizuna_storage::connect(&url).await.unwrap());
        let follower = reader.state.spawn_follower();
        for uri in FOLLOWING {
            let answer = reader.get(uri).await;
            assert_eq!(answer.status, 200, "{uri}: {}", answer.body);
            assert!(!answer.body.contains("Plughwob"), "{uri}");
        }

        let mut tmu = writer.get::<Organisation>("tmu").await.unwrap().unwrap();
        tmu.record.names[0].value = "Plughwob Metropolitan University".into();
        writer
            .save(&tmu.record, Expect::Revision(tmu.revision), "node-a")
            .await
            .unwrap();

        let deadline = Instant::now() + Duration::from_secs(2);
        let mut waiting: Vec<&str> = FOLLOWING.to_vec();
        while !waiting.is_empty() {
            let mut still = Vec::new();
            for uri in waiting {
                if !reader.get(uri).await.body.contains("Plughwob") {
                    still.push(uri);
                }
            }
            waiting = still;
            assert!(
                waiting.is_empty() || Instant::now() < deadline,
                "after 2 s these still show the old name: {waiting:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        for _ in 0..10 {
            for uri in FOLLOWING {
                assert!(
                    reader.get(uri).await.body.contains("Plughwob"),
                    "{uri} went back to an older revision"
                );
            }
        }
        follower.abort();
    }
}
