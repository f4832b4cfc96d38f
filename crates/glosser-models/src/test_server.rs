//! A canned chat-completions server for tests: listens on 127.0.0.1 (a free port), answers
//! `POST …/chat/completions` by rules matched on the request's message text, and can answer
//! 500/429, slowly, with garbage or not at all. One thread accepts; each connection gets a
//! thread so slow answers overlap and the number of requests in flight can be measured.

mod http;

use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::{Value, json};

pub use http::RecordedRequest;

/// How the server answers a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// 200 with a chat completion whose message content is this text.
    Answer(String),
    /// 200 with a chat completion cut off at the token limit (`finish_reason: "length"`).
    Truncated(String),
    /// Any status with an OpenAI-style error body `{"error": {"message": …}}`.
    Error {
        status: u16,
        message: String,
        retry_after: Option<u64>,
    },
    /// Any status with this exact body (e.g. 200 with a body that is not JSON).
    Body { status: u16, body: String },
    /// These bytes instead of an HTTP response, then the connection is closed.
    Raw(Vec<u8>),
    /// The connection is closed without a word.
    Close,
    /// Waits, then answers.
    Slow(Duration, Box<Reply>),
}

impl Reply {
    pub fn answer(content: impl Into<String>) -> Self {
        Self::Answer(content.into())
    }

    pub fn error(status: u16, message: impl Into<String>) -> Self {
        Self::Error {
            status,
            message: message.into(),
            retry_after: None,
        }
    }

    /// What Ollama's `/v1` says for a model that was never pulled.
    pub fn model_not_found(model: &str) -> Self {
        Self::error(
            404,
            format!("model \"{model}\" not found, try pulling it first"),
        )
    }

    pub fn slow(delay: Duration, then: Reply) -> Self {
        Self::Slow(delay, Box::new(then))
    }
}

struct Rule {
    in_body: bool,
    contains: String,
    replies: Vec<Reply>,
    used: usize,
}

#[derive(Default)]
struct State {
    rules: Mutex<Vec<Rule>>,
    fallback: Mutex<Option<Reply>>,
    requests: Mutex<Vec<RecordedRequest>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    shutdown: AtomicBool,
}

/// The running server; stops when dropped.
pub struct TestServer {
    addr: SocketAddr,
    state: Arc<State>,
    acceptor: Option<JoinHandle<()>>,
}

impl TestServer {
    /// Starts on a free port. Until rules are added every request gets `{"spans": []}`.
    pub fn start() -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State::default());
        let shared = Arc::clone(&state);
        let acceptor = std::thread::Builder::new()
            .name("test-server".into())
            .spawn(move || accept_loop(&listener, &shared))?;
        Ok(Self {
            addr,
            state,
            acceptor: Some(acceptor),
        })
    }

    /// `http://127.0.0.1:PORT/v1`, the base URL to give a client.
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Requests whose messages contain `needle` get `replies` in turn (the last one repeats).
    /// Rules are tried in the order they were added.
    pub fn on(&self, needle: &str, replies: Vec<Reply>) {
        lock(&self.state.rules).push(Rule {
            in_body: false,
            contains: needle.to_owned(),
            replies,
            used: 0,
        });
    }

    /// Like [`TestServer::on`], matched on the raw JSON body (e.g. `"response_format"`).
    pub fn on_body(&self, needle: &str, replies: Vec<Reply>) {
        lock(&self.state.rules).push(Rule {
            in_body: true,
            contains: needle.to_owned(),
            replies,
            used: 0,
        });
    }

    /// The reply when no rule matches.
    pub fn otherwise(&self, reply: Reply) {
        *lock(&self.state.fallback) = Some(reply);
    }

    /// Every request received so far, in order of arrival.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.state.requests).clone()
    }

    pub fn request_count(&self) -> usize {
        lock(&self.state.requests).len()
    }

    /// The most requests that were being answered at the same moment.
    pub fn max_in_flight(&self) -> usize {
        self.state.max_in_flight.load(Ordering::SeqCst)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.state.shutdown.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn accept_loop(listener: &TcpListener, state: &Arc<State>) {
    for stream in listener.incoming() {
        if state.shutdown.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let state = Arc::clone(state);
        let _ = std::thread::Builder::new()
            .name("test-server-conn".into())
            .spawn(move || {
                let _ = serve(stream, &state);
            });
    }
}

fn serve(mut stream: TcpStream, state: &State) -> io::Result<()> {
    let request = http::read_request(&stream)?;
    let reply = choose(state, &request);
    let model = request
        .json()
        .get("model")
        .and_then(Value::as_str)
        .unwrap_or("test-model")
        .to_owned();
    let number = {
        let mut requests = lock(&state.requests);
        requests.push(request);
        requests.len()
    };
    let now = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    state.max_in_flight.fetch_max(now, Ordering::SeqCst);
    let result = answer(&mut stream, state, &reply, &model, number);
    state.in_flight.fetch_sub(1, Ordering::SeqCst);
    result
}

fn choose(state: &State, request: &RecordedRequest) -> Reply {
    let text = message_text(request);
    let mut rules = lock(&state.rules);
    for rule in rules.iter_mut() {
        let haystack = if rule.in_body { &request.body } else { &text };
        if haystack.contains(&rule.contains) && !rule.replies.is_empty() {
            let i = rule.used.min(rule.replies.len() - 1);
            rule.used += 1;
            return rule.replies[i].clone();
        }
    }
    lock(&state.fallback)
        .clone()
        .unwrap_or_else(|| Reply::answer(r#"{"spans": []}"#))
}

/// The messages' contents joined, or the raw body when it is not a chat request.
fn message_text(request: &RecordedRequest) -> String {
    let json = request.json();
    match json.get("messages").and_then(Value::as_array) {
        Some(messages) => messages
            .iter()
            .filter_map(|m| m.get("content").and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join("\n"),
        None => request.body.clone(),
    }
}

fn answer(
    stream: &mut TcpStream,
    state: &State,
    reply: &Reply,
    model: &str,
    number: usize,
) -> io::Result<()> {
    match reply {
        Reply::Answer(content) | Reply::Truncated(content) => {
            let finish = if matches!(reply, Reply::Truncated(_)) {
                "length"
            } else {
                "stop"
            };
            let body = json!({
                "id": format!("chatcmpl-test-{number}"),
                "object": "chat.completion",
                "created": 0,
                "model": model,
                "system_fingerprint": "fp_test",
                "choices": [{
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": finish,
                }],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            });
            http::write_response(stream, 200, &[], &body.to_string())
        }
        Reply::Error {
            status,
            message,
            retry_after,
        } => {
            let body = json!({"error": {"message": message, "type": "api_error", "param": null, "code": null}});
            let headers: Vec<(&str, String)> = retry_after
                .iter()
                .map(|s| ("Retry-After", s.to_string()))
                .collect();
            http::write_response(stream, *status, &headers, &body.to_string())
        }
        Reply::Body { status, body } => http::write_response(stream, *status, &[], body),
        Reply::Raw(bytes) => {
            stream.write_all(bytes)?;
            stream.flush()
        }
        Reply::Close => Ok(()),
        Reply::Slow(delay, then) => {
            let step = Duration::from_millis(10);
            let mut waited = Duration::ZERO;
            while waited < *delay && !state.shutdown.load(Ordering::SeqCst) {
                std::thread::sleep(step);
                waited += step;
            }
            answer(stream, state, then, model, number)
        }
    }
}
