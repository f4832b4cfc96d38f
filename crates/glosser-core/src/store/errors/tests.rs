use super::*;

#[test]
fn a_refusal_keeps_a_read_only_file_system_apart_from_a_read_only_file() {
    let rofs = || Err(rustix::io::Errno::ROFS);
    for mode in [0o644, 0o444] {
        let e = refusal(mode, rofs()).unwrap_or_else(|| panic!("{mode:o}"));
        assert_eq!(e.kind(), ErrorKind::ReadOnlyFilesystem, "{mode:o}: {e}");
        assert_eq!(classify_io(&e), StoreErrorKind::ReadOnly);
    }
    let chmod = refusal(0o444, Ok(())).unwrap_or_else(|| panic!("0444"));
    assert_eq!(classify_io(&chmod), StoreErrorKind::PermissionDenied);
    assert!(chmod.to_string().contains("chmod u+w"), "{chmod}");
    let other_owner =
        refusal(0o644, Err(rustix::io::Errno::ACCESS)).unwrap_or_else(|| panic!("EACCES"));
    assert_eq!(classify_io(&other_owner), StoreErrorKind::PermissionDenied);
    assert!(refusal(0o644, Ok(())).is_none());
    let raw = std::io::Error::from_raw_os_error(30);
    assert_eq!(classify_io(&raw), StoreErrorKind::ReadOnly, "EROFS is 30");
}
