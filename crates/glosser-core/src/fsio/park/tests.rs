use super::*;

#[test]
fn a_parked_file_is_hidden_and_comes_back_as_it_was() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt.alice.ron");
    std::fs::write(&path, "bytes").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let parked = park(&path).unwrap();
    assert!(!path.exists());
    let name = parked.file_name().unwrap().to_str().unwrap();
    assert!(super::super::is_temp_name(name), "{name}");
    std::fs::write(&path, "appeared meanwhile").unwrap();
    assert!(unpark(&parked, &path).is_err(), "never over another file");
    std::fs::remove_file(&path).unwrap();
    unpark(&parked, &path).unwrap();
    assert!(!parked.exists());
    assert_eq!(std::fs::read(&path).unwrap(), b"bytes");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}
