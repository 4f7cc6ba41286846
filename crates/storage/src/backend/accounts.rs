//! The [`crate::Store`] methods for staff accounts: creating, finding,
//! listing and changing them, and linking single sign-on identities.

/// The account methods of [`crate::Store`].
///
/// Hands them on to [`super::store_methods`], which implements the trait
/// with every module's methods at once.
macro_rules! methods {
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*] $($groups:ident)*) => {
        $crate::backend::store_methods! {
            ($store, $db, $sql, $name)
            [
            $($methods)*

            async fn create_user(
                &self,
                email: &kizuna_domain::Email,
                password_hash: &str,
                role: kizuna_domain::Role,
                units: &[kizuna_domain::Slug],
            ) -> Result<kizuna_domain::User, $crate::StoreError> {
                let units = serde_json::to_string(units).expect("slugs serialise");
                let mut tx = self.begin_plain().await.db()?;
                let row = sqlx::query($sql::INSERT_USER)
                    .bind(email.as_str())
                    .bind(password_hash)
                    .bind(role.as_str())
                    .bind(units)
                    .bind($crate::backend::now_text())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| {
                        if $crate::backend::is_unique_violation(&e) {
                            $crate::StoreError::AlreadyExists {
                                collection: "users".to_owned(),
                                id: email.to_string(),
                            }
                        } else {
                            $crate::StoreError::Database(Box::new(e))
                        }
                    })?;
                let user = Self::user_from_row(&row)?;
                self.commit(tx).await.db()?;
                Ok(user)
            }

            async fn get_user(
                &self,
                id: i64,
            ) -> Result<Option<kizuna_domain::User>, $crate::StoreError> {
                let row = sqlx::query($sql::GET_USER)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .db()?;
                row.map(|r| Self::user_from_row(&r)).transpose()
            }

            async fn get_user_by_email(
                &self,
                email: &kizuna_domain::Email,
            ) -> Result<Option<$crate::UserAccount>, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query($sql::GET_USER_BY_EMAIL)
                    .bind(email.as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .db()?;
                row.map(|r| {
                    Ok($crate::UserAccount {
                        user: Self::user_from_row(&r)?,
                        password_hash: r.try_get(6).db()?,
                    })
                })
                .transpose()
            }

            async fn list_users(&self) -> Result<Vec<kizuna_domain::User>, $crate::StoreError> {
                let rows = sqlx::query($sql::LIST_USERS)
                    .fetch_all(&self.pool)
                    .await
                    .db()?;
                rows.iter().map(Self::user_from_row).collect()
            }

            async fn set_password_hash(
                &self,
                user_id: i64,
                password_hash: &str,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                let done = sqlx::query($sql::SET_PASSWORD_HASH)
                    .bind(user_id)
                    .bind(password_hash)
                    .bind($crate::backend::now_text())
                    .execute(&mut *tx)
                    .await
                    .db()?;
                if done.rows_affected() == 0 {
                    return Err($crate::backend::no_user(user_id));
                }
                self.commit(tx).await.db()?;
                Ok(())
            }

            async fn update_user(
                &self,
                user_id: i64,
                patch: &$crate::UserPatch,
            ) -> Result<kizuna_domain::User, $crate::StoreError> {
                let units = patch
                    .units
                    .as_ref()
                    .map(|u| serde_json::to_string(u).expect("slugs serialise"));
                let mut tx = self.begin_plain().await.db()?;
                let row = sqlx::query($sql::UPDATE_USER)
                    .bind(user_id)
                    .bind(patch.role.map(|r| r.as_str()))
                    .bind(units)
                    .bind(patch.disabled)
                    .bind($crate::backend::now_text())
                    .fetch_optional(&mut *tx)
                    .await
                    .db()?;
                let user = match row {
                    Some(row) => Self::user_from_row(&row)?,
                    None => return Err($crate::backend::no_user(user_id)),
                };
                self.commit(tx).await.db()?;
                Ok(user)
            }

            async fn user_by_identity(
                &self,
                identity: &str,
            ) -> Result<Option<kizuna_domain::User>, $crate::StoreError> {
                let row = sqlx::query($sql::USER_BY_IDENTITY)
                    .bind(identity)
                    .fetch_optional(&self.pool)
                    .await
                    .db()?;
                row.map(|r| Self::user_from_row(&r)).transpose()
            }

            async fn link_identity(
                &self,
                user_id: i64,
                identity: &str,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                let exists = sqlx::query($sql::GET_USER)
                    .bind(user_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .db()?;
                if exists.is_none() {
                    return Err($crate::backend::no_user(user_id));
                }
                let done = sqlx::query($sql::LINK_IDENTITY)
                    .bind(user_id)
                    .bind(identity)
                    .bind($crate::backend::now_text())
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| {
                        if $crate::backend::is_unique_violation(&e) {
                            $crate::StoreError::AlreadyExists {
                                collection: "users".to_owned(),
                                id: identity.to_owned(),
                            }
                        } else {
                            $crate::StoreError::Database(Box::new(e))
                        }
                    })?;
                self.commit(tx).await.db()?;
                Ok(done.rows_affected() == 1)
            }
            ]
            $($groups)*
        }
    };
}

pub(crate) use methods;
