//! `kizuna user ...`: staff accounts, their passwords and API tokens.

use std::io::{BufRead, IsTerminal};

use anyhow::{Context, bail};
use kizuna_core::{ApiToken, Registry, Store, StoreError, UserPatch, credentials};
use kizuna_domain::account::validate_assignment;
use kizuna_domain::{Email, Organisation, OrganisationKind, Role, Slug, User};

use crate::UserCommand;

/// Runs one `kizuna user` subcommand.
pub async fn run(registry: &Registry, command: UserCommand) -> anyhow::Result<()> {
    let store = registry.store().as_ref();
    match command {
        UserCommand::Add { email, role, units } => add(registry, &email, role, units).await,
        UserCommand::Passwd { email } => passwd(store, &email).await,
        UserCommand::Token { email, name } => token(store, &email, name).await,
        UserCommand::List => list(store).await,
        UserCommand::Disable { email } => set_disabled(store, &email, true).await,
        UserCommand::Enable { email } => set_disabled(store, &email, false).await,
        UserCommand::RevokeToken { email, name } => revoke(store, &email, &name).await,
    }
}

async fn add(
    registry: &Registry,
    email: &Email,
    role: Role,
    units: Vec<Slug>,
) -> anyhow::Result<()> {
    // Everything is checked before the password is asked for.
    if let Err(errors) = validate_assignment(role, &units) {
        let messages: Vec<&str> = errors.0.iter().map(|e| e.message.as_str()).collect();
        let hint = if role == Role::Editor && units.is_empty() {
            "; give one with --unit ID"
        } else {
            ""
        };
        bail!("cannot add {email}: {}{hint}", messages.join("; "));
    }
    for unit in &units {
        check_unit(registry, unit).await?;
    }
    let store = registry.store().as_ref();
    if store.get_user_by_email(email).await?.is_some() {
        bail!(already_exists(email));
    }
    let hash = hash(read_password()?).await?;
    let user = store
        .create_user(email, &hash, role, &units)
        .await
        .map_err(|e| match e {
            StoreError::AlreadyExists { .. } => anyhow::anyhow!(already_exists(email)),
            other => anyhow::Error::from(other).context("adding the user"),
        })?;
    let scope = if user.units.is_empty() {
        String::new()
    } else {
        format!(" of {}", join(&user.units))
    };
    println!("Added {} as {}{scope}.", user.email, user.role);
    Ok(())
}

fn already_exists(email: &Email) -> String {
    format!("a user {email} already exists (change its password with `kizuna user passwd {email}`)")
}

/// A unit must be an existing organisation of kind `unit`.
async fn check_unit(registry: &Registry, unit: &Slug) -> anyhow::Result<()> {
    let Some(org) = registry.get::<Organisation>(unit.as_str()).await? else {
        bail!(
            "`{unit}` is not a known organisation: --unit takes the id of an organisation of kind `unit`"
        );
    };
    if org.record.kind != OrganisationKind::Unit {
        bail!(
            "`{unit}` ({}) is an organisation of kind `{}`, not a unit: --unit takes the id of an organisation of kind `unit`",
            org.record.display_name(),
            org.record.kind
        );
    }
    Ok(())
}

async fn passwd(store: &dyn Store, email: &Email) -> anyhow::Result<()> {
    let user = find(store, email).await?;
    let hash = hash(read_password()?).await?;
    store
        .set_password_hash(user.id, &hash)
        .await
        .context("saving the password")?;
    println!("Changed the password of {email}.");
    Ok(())
}

async fn token(store: &dyn Store, email: &Email, name: Option<String>) -> anyhow::Result<()> {
    let user = find(store, email).await?;
    if user.disabled {
        bail!("{email} is disabled: enable it first with `kizuna user enable {email}`");
    }
    let tokens = store.list_tokens(user.id).await?;
    let name = match name {
        Some(name) => {
            let name = name.trim().to_owned();
            if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
                bail!("a token name needs 1 to 100 printable characters");
            }
            if live(&tokens).any(|t| t.name == name) {
                bail!(
                    "{email} already has a token named `{name}`: choose another --name, or revoke it with `kizuna user revoke-token {email} {name}`"
                );
            }
            name
        }
        None => (tokens.len() + 1..)
            .map(|n| format!("token-{n}"))
            .find(|candidate| live(&tokens).all(|t| &t.name != candidate))
            .expect("some number is free"),
    };
    let (plain, hash) = credentials::new_api_token();
    store
        .create_token(user.id, &name, &hash)
        .await
        .context("saving the token")?;
    println!(
        "Created API token `{name}` for {email}; it acts with the role {}.",
        user.role
    );
    println!("It is shown only now: keep it secret. Send it as `Authorization: Bearer TOKEN`.");
    println!("{plain}");
    Ok(())
}

async fn list(store: &dyn Store) -> anyhow::Result<()> {
    let users = store.list_users().await?;
    if users.is_empty() {
        println!("No users yet: add one with `kizuna user add EMAIL --role admin`.");
        return Ok(());
    }
    let mut rows = vec![[
        "EMAIL".to_owned(),
        "ROLE".to_owned(),
        "UNITS".to_owned(),
        "STATE".to_owned(),
        "TOKENS".to_owned(),
        "CREATED".to_owned(),
    ]];
    for user in &users {
        let tokens = store.list_tokens(user.id).await?;
        let names: Vec<&str> = live(&tokens).map(|t| t.name.as_str()).collect();
        rows.push([
            user.email.to_string(),
            user.role.to_string(),
            or_dash(join(&user.units)),
            if user.disabled { "disabled" } else { "active" }.to_owned(),
            or_dash(names.join(",")),
            user.created_at.format("%Y-%m-%d").to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
    Ok(())
}

async fn set_disabled(store: &dyn Store, email: &Email, disabled: bool) -> anyhow::Result<()> {
    let user = find(store, email).await?;
    if user.disabled == disabled {
        println!(
            "{email} is already {}.",
            if disabled { "disabled" } else { "enabled" }
        );
        return Ok(());
    }
    let patch = UserPatch {
        disabled: Some(disabled),
        ..UserPatch::default()
    };
    store.update_user(user.id, &patch).await?;
    if disabled {
        println!("Disabled {email}: they can no longer sign in and their API tokens stop working.");
    } else {
        println!("Enabled {email} again.");
    }
    Ok(())
}

async fn revoke(store: &dyn Store, email: &Email, name: &str) -> anyhow::Result<()> {
    let user = find(store, email).await?;
    let tokens = store.list_tokens(user.id).await?;
    let Some(token) = live(&tokens).find(|t| t.name == name) else {
        let names: Vec<&str> = live(&tokens).map(|t| t.name.as_str()).collect();
        let known = if names.is_empty() {
            "it has none".to_owned()
        } else {
            format!("it has {}", names.join(", "))
        };
        bail!("{email} has no live token named `{name}` ({known})");
    };
    store.revoke_token(user.id, token.id).await?;
    println!("Revoked the token `{name}` of {email}.");
    Ok(())
}

/// The account with this address, or an error that says how to find one.
async fn find(store: &dyn Store, email: &Email) -> anyhow::Result<User> {
    match store.get_user_by_email(email).await? {
        Some(account) => Ok(account.user),
        None => bail!("there is no user {email} (see `kizuna user list`)"),
    }
}

fn live(tokens: &[ApiToken]) -> impl Iterator<Item = &ApiToken> {
    tokens.iter().filter(|t| t.revoked_at.is_none())
}

fn join(slugs: &[Slug]) -> String {
    slugs.iter().map(Slug::as_str).collect::<Vec<_>>().join(",")
}

fn or_dash(text: String) -> String {
    if text.is_empty() {
        "-".to_owned()
    } else {
        text
    }
}

/// Checks and hashes a password off the async threads.
async fn hash(password: String) -> anyhow::Result<String> {
    let hashed = tokio::task::spawn_blocking(move || credentials::hash_password(&password))
        .await
        .context("hashing the password")?;
    Ok(hashed?)
}

/// The new password: the first line of standard input when it is not a
/// terminal (scripts pipe it in), else typed twice without echo.
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let first = rpassword::prompt_password(format!(
            "New password (at least {} characters): ",
            credentials::MIN_PASSWORD_CHARS
        ))
        .context("reading the password")?;
        credentials::check_password(&first)?;
        let second = rpassword::prompt_password("The same password again: ")
            .context("reading the password")?;
        if first != second {
            bail!("the two passwords differ; nothing was changed");
        }
        Ok(first)
    } else {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .context("reading the password from standard input")?;
        let password = line
            .strip_suffix('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .unwrap_or(&line);
        if password.is_empty() {
            bail!(
                "no password on standard input: give it as the first line, e.g. `printf '%s\\n' \"$PASSWORD\" | kizuna user ...`"
            );
        }
        credentials::check_password(password)?;
        Ok(password.to_owned())
    }
}
