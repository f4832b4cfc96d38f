use std::net::TcpListener;

use super::*;

fn roundtrip(raw: &'static [u8]) -> io::Result<RecordedRequest> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let writer = std::thread::spawn(move || -> io::Result<()> {
        let mut s = TcpStream::connect(addr)?;
        s.write_all(raw)
    });
    let (stream, _) = listener.accept()?;
    let request = read_request(&stream);
    writer.join().map_err(|_| invalid("writer panicked"))??;
    request
}

#[test]
fn a_content_length_request_is_read() -> io::Result<()> {
    let r = roundtrip(
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nX-A: b\r\n\r\n{}",
    )?;
    assert_eq!(
        (r.method.as_str(), r.path.as_str(), r.body.as_str()),
        ("POST", "/v1/chat/completions", "{}")
    );
    assert_eq!(r.header("x-a"), Some("b"));
    assert_eq!(r.json(), serde_json::json!({}));
    Ok(())
}

#[test]
fn a_chunked_request_is_read() -> io::Result<()> {
    let r = roundtrip(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n")?;
    assert_eq!(r.body, "abcde");
    assert_eq!(r.json(), serde_json::Value::Null);
    Ok(())
}

#[test]
fn garbage_is_an_error() {
    assert!(roundtrip(b"\r\n").is_err());
    assert!(roundtrip(b"POST / HTTP/1.1\r\nContent-Length: nope\r\n\r\n").is_err());
}
