//! Phone notifications (web push), on the browser's side: this phone's push subscription, and
//! the words the service worker shows a notification in (public/sw.js, `push`).

use crate::i18n::{Lang, Msg, text};
use balai_protocol::notifications::Kind;
use js_sys::{Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Notification, NotificationPermission, PushManager, PushSubscription,
    PushSubscriptionOptionsInit, ServiceWorkerRegistration,
};

/// Tells the service worker how to word notifications in `lang`, since it shows them while the
/// app is closed: each kind's verb as the notification centre says it ("{group}" where the
/// group's name goes), and "and N others".
pub fn tell_service_worker(lang: Lang) {
    let Some(worker) = web_sys::window().and_then(|w| w.navigator().service_worker().controller())
    else {
        return;
    };
    let verbs = Object::new();
    for kind in Kind::ALL {
        let (verb, group) = crate::pages::notifications::verb(kind);
        let verb = if group {
            format!("{} {{group}}", text(lang, verb))
        } else {
            text(lang, verb).to_string()
        };
        let name = serde_json::to_string(&kind).unwrap_or_default();
        let _ = Reflect::set(&verbs, &name.trim_matches('"').into(), &verb.into());
    }
    let words = Object::new();
    for (key, value) in [
        ("type", JsValue::from_str("words")),
        ("lang", lang.code().into()),
        ("verbs", verbs.into()),
        ("and", text(lang, Msg::NAndOthers).into()),
        ("other", text(lang, Msg::NOther).into()),
        ("others", text(lang, Msg::NOthers).into()),
        ("fallback", text(lang, Msg::PushFallback).into()),
    ] {
        let _ = Reflect::set(&words, &key.into(), &value);
    }
    let _ = worker.post_message(&words);
}

/// Whether this browser can be notified at all (an iPhone only once Balai is on its home screen).
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        Reflect::has(&w, &"PushManager".into()).unwrap_or(false)
            && Reflect::has(&w, &"Notification".into()).unwrap_or(false)
    })
}

/// Whether the person blocked notifications for Balai in this browser.
pub fn blocked() -> bool {
    Notification::permission() == NotificationPermission::Denied
}

async fn resolve(promise: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

async fn push_manager() -> Result<PushManager, JsValue> {
    let container = web_sys::window()
        .ok_or(JsValue::NULL)?
        .navigator()
        .service_worker();
    let registration: ServiceWorkerRegistration =
        resolve(container.ready()).await?.unchecked_into();
    registration.push_manager()
}

/// This phone's subscription, if notifications are on here.
pub async fn current() -> Option<PushSubscription> {
    let manager = push_manager().await.ok()?;
    let subscription = resolve(manager.get_subscription()).await.ok()?;
    (!subscription.is_null()).then(|| subscription.unchecked_into())
}

/// What came of asking for notifications.
pub enum Asked {
    /// Subscribed: the endpoint to give the server.
    Endpoint(String),
    /// The person said no (or had blocked them).
    Refused,
    /// The browser or its push service failed.
    Failed,
}

/// Asks the person's permission: called in the tap's own handler, not after an await, since
/// Safari only asks while it is handling the tap.
pub fn ask_permission() -> Result<Promise, JsValue> {
    Notification::request_permission()
}

/// Once permitted (`permission` is [`ask_permission`]'s), subscribes this phone with the
/// server's key (base64url).
pub async fn subscribe(permission: Result<Promise, JsValue>, key: &str) -> Asked {
    let permission = resolve(permission).await;
    if permission.ok().and_then(|p| p.as_string()).as_deref() != Some("granted") {
        return Asked::Refused;
    }
    let Some(key) = base64url(key) else {
        return Asked::Failed;
    };
    let options = PushSubscriptionOptionsInit::new();
    options.set_user_visible_only(true);
    options.set_application_server_key(&Uint8Array::from(key.as_slice()));
    let subscribed = match push_manager().await {
        Ok(manager) => resolve(manager.subscribe_with_options(&options)).await,
        Err(e) => Err(e),
    };
    match subscribed {
        Ok(s) => Asked::Endpoint(s.unchecked_into::<PushSubscription>().endpoint()),
        Err(_) => Asked::Failed,
    }
}

/// Ends this phone's subscription; answers its endpoint, for the server to forget it too.
pub async fn unsubscribe() -> Option<String> {
    let subscription = current().await?;
    let endpoint = subscription.endpoint();
    let _ = resolve(subscription.unsubscribe()).await;
    Some(endpoint)
}

/// Decodes base64url without padding (the key's form), with the browser's `atob` (which takes
/// base64 without its padding too).
fn base64url(text: &str) -> Option<Vec<u8>> {
    let standard: String = text
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    let binary = web_sys::window()?.atob(&standard).ok()?;
    Some(binary.chars().map(|c| c as u8).collect())
}
