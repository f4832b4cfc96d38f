#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
//! The end-to-end harness: the real binary in a tmux session of a given size, keys, the screen,
//! its process id, waiting for exit; and a copy of the seed corpus to run it on.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    /// Starts `glosser ARGS` in a detached tmux session of the given size.
    /// Fails the test when tmux is missing (`.ci/run` installs it): an end-to-end test never
    /// passes without running.
    pub fn start(name: &str, args: &[&str], width: u16, height: u16) -> Tmux {
        Self::start_with(name, &[], args, width, height)
    }

    /// [`Tmux::start`] with extra environment variables.
    pub fn start_with(
        name: &str,
        env: &[(&str, &str)],
        args: &[&str],
        width: u16,
        height: u16,
    ) -> Tmux {
        assert!(
            Command::new("tmux").arg("-V").output().is_ok(),
            "tmux is not installed: the end-to-end test {name} needs it (apt-get install tmux; .ci/run installs it)"
        );
        let socket = format!("glosser-e2e-{name}-{}", std::process::id());
        // Resume state and recovery files go to a folder of this run (a test may name its own
        // state folder), never to the user's.
        let state = std::env::temp_dir().join(&socket);
        let mut command = format!(
            "env TERM=xterm-256color GLOSSER_CONFIG=/nonexistent GLOSSER_STATE_DIR={} XDG_DATA_HOME={} ",
            shell_quote(&state.to_string_lossy()),
            shell_quote(&state.join("data").to_string_lossy())
        );
        for (key, value) in env {
            command.push_str(key);
            command.push('=');
            command.push_str(&shell_quote(value));
            command.push(' ');
        }
        command.push_str(env!("CARGO_BIN_EXE_glosser"));
        for arg in args {
            command.push(' ');
            command.push_str(&shell_quote(arg));
        }
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
            ])
            .arg(width.to_string())
            .arg("-y")
            .arg(height.to_string())
            .arg(command)
            .status()
            .unwrap();
        assert!(status.success());
        let tmux = Tmux { socket };
        // The list's title is "Docs" on a narrow screen.
        tmux.wait_for_screen(
            |s| s.contains("Documents") || s.contains("Docs "),
            "the first frame",
        );
        tmux
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "t", key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn literal(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn wait_for_screen(&self, ok: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Process id of the program in the pane (`env` execs glosser, so it is glosser's).
    pub fn pid(&self) -> String {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "list-panes",
                "-t",
                "t",
                "-F",
                "#{pane_pid}",
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    pub fn run(&self, args: &[&str]) {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .status()
            .unwrap();
    }

    /// Waits (up to 10 s) for the program to exit after `q`.
    pub fn wait_exit(&self) {
        let start = Instant::now();
        while !self.exited() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "glosser did not quit"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Whether the program has exited (tmux closes the session with it).
    pub fn exited(&self) -> bool {
        !Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", "t"])
            .status()
            .unwrap()
            .success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let pane = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display",
                "-p",
                "-t",
                "t",
                "#{pane_pid}",
            ])
            .output()
            .ok()
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
            .filter(|pid| !pid.is_empty());
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
        // The hang-up makes glosser write its resume state: wait for it to exit before removing
        // the state folder, or it would create the folder again.
        if let Some(pid) = pane {
            let start = Instant::now();
            while Path::new("/proc").join(&pid).exists() && start.elapsed() < Duration::from_secs(5)
            {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let _ = std::fs::remove_dir_all(std::env::temp_dir().join(&self.socket));
    }
}

pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

pub fn copy_seeds() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap() {
        // Only the articles: a demo run leaves annotation and lock files in seeds/.
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
        }
    }
    (dir, corpus)
}

pub fn wait_for_file(path: &Path, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && ok(&text)
        {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn wait_for_exit(pid: &str) {
    let start = Instant::now();
    while Path::new("/proc").join(pid).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "glosser {pid} did not exit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
