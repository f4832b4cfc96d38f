//! WebAnno TSV 3.x (3.1–3.3) as INCEpTION and WebAnno write it: the `#T_SP`/`#T_RL`/`#T_CH`
//! header, `#Text=` sentences, token and sub-token rows with UTF-16 offsets, multi-unit `[n]`
//! annotations, `|`-stacked values and escaped characters. Read only.

mod escape;
mod header;
mod read;

pub use read::read;

#[cfg(test)]
mod tests;
