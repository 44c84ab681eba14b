//! After fork(), the child has none of the runtime's threads: a call there must fail with
//! SHUTDOWN instead of hanging. Its own test process, since it forks.

mod common;

use common::*;
use std::time::Duration;
use temporal_ffi::errors::ErrorCode;

#[test]
fn a_call_from_a_forked_child_fails_instead_of_hanging() {
    let client = connect();
    start(&client, "Echo", Some("[1]"), None, |_| {}).unwrap().result(0).unwrap();
    // SAFETY: the child only makes library calls (which must not hang) and then _exits.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        unsafe { libc::alarm(10) }; // a hang would end the child with SIGALRM
        let code = match start(&client, "Echo", Some("[2]"), None, |_| {}) {
            Err(e) if e.code == ErrorCode::Shutdown && e.message.contains("fork") => 0,
            _ => 1,
        };
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    let waited = unsafe { libc::waitpid(pid, &mut status, 0) };
    assert_eq!(waited, pid);
    assert!(libc::WIFEXITED(status), "child died (hung?): status {status}");
    assert_eq!(libc::WEXITSTATUS(status), 0, "the child's call did not fail with SHUTDOWN");
    // The parent is unaffected.
    std::thread::sleep(Duration::from_millis(10));
    assert_eq!(start(&client, "Echo", Some("[3]"), None, |_| {}).unwrap().result(0).unwrap(), "3");
}
