//! UIMA CAS XMI (XMI 2.0, XML 1.0) as INCEpTION and WebAnno export it: offsets count UTF-16 code
//! units of the sofa string, types come from the XMI namespaces or a separate TypeSystem.xml.

mod read;
mod write;

pub use read::read;
pub use write::{XmiFiles, write};
