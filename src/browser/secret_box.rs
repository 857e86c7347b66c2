//! Keeps a secret (the sync account's password) only encrypted: AES-GCM under a WebCrypto key made
//! **non-extractable**, so the key can encrypt and decrypt in this origin but can never be read
//! out, copied off the tablet or logged. The sealed value (`{key, iv, data}`, a structured-clone
//! object) is what storage keeps; opening it needs this browser profile.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// A secret sealed by [`seal`]: the key, the nonce and the ciphertext, as stored.
#[derive(Debug, Clone)]
pub struct SealedSecret(pub JsValue);

fn subtle() -> Option<(web_sys::Crypto, SubtleCrypto)> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let subtle = crypto.subtle();
    Some((crypto, subtle))
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn aes_gcm(iv: &Uint8Array) -> Object {
    object(&[("name", "AES-GCM".into()), ("iv", iv.into())])
}

/// Seals `secret` under the key of `previous` (a secret sealed before), or a new non-extractable
/// key; `None` if the browser cannot (no WebCrypto: not a secure context).
pub async fn seal(secret: &str, previous: Option<&SealedSecret>) -> Option<SealedSecret> {
    let (crypto, subtle) = subtle()?;
    let key: CryptoKey = match previous.and_then(|p| Reflect::get(&p.0, &"key".into()).ok()) {
        Some(key) if key.is_object() => key.unchecked_into(),
        _ => {
            let algorithm = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
            let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
            let made = subtle
                .generate_key_with_object(&algorithm, false, &usages)
                .ok()?;
            JsFuture::from(made).await.ok()?.unchecked_into()
        }
    };
    let mut nonce = [0u8; 12];
    crypto.get_random_values_with_u8_array(&mut nonce).ok()?;
    let iv = Uint8Array::from(nonce.as_slice());
    let encrypted = subtle
        .encrypt_with_object_and_u8_array(&aes_gcm(&iv), &key, secret.as_bytes())
        .ok()?;
    let data = JsFuture::from(encrypted).await.ok()?;
    Some(SealedSecret(
        object(&[("key", key.into()), ("iv", iv.into()), ("data", data)]).into(),
    ))
}

/// The secret in `sealed`; `None` if it cannot be opened (another profile's, or damaged).
pub async fn open(sealed: &SealedSecret) -> Option<String> {
    let (_, subtle) = subtle()?;
    let part = |name: &str| Reflect::get(&sealed.0, &JsValue::from_str(name)).ok();
    let key: CryptoKey = part("key")?.dyn_into().ok()?;
    let iv: Uint8Array = part("iv")?.dyn_into().ok()?;
    let data = Uint8Array::new(&part("data")?).to_vec();
    let decrypted = subtle
        .decrypt_with_object_and_u8_array(&aes_gcm(&iv), &key, &data)
        .ok()?;
    let plain = Uint8Array::new(&JsFuture::from(decrypted).await.ok()?).to_vec();
    String::from_utf8(plain).ok()
}
