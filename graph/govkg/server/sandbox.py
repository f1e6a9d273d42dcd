"""Query workers open no network connection: a seccomp filter, installed at worker start.

The second layer of the endpoint's refusal (the first is :mod:`govkg.server.policy`): even
a ``SERVICE`` that reached Oxigraph cannot leave the machine, because the worker process
cannot create a socket other than a Unix one. :func:`deny_network` installs a classic-BPF
seccomp filter, for this process and every thread and child it will have, that answers
``EPERM`` to:

- ``socket()`` of any family but ``AF_UNIX`` (the workers' own pipes stay working),
- ``io_uring_setup``/``_enter``/``_register`` (io_uring creates sockets past seccomp),
- ``pidfd_getfd`` (copying a socket out of another process),
- any system call of another ABI (x32, or 32-bit ``int 0x80``).

It needs no privilege (``PR_SET_NO_NEW_PRIVS`` first, as the kernel requires), works the
same for root and an ordinary user, costs about a millisecond once per worker, and cannot
be lifted by the process afterwards. Where it cannot be installed the worker refuses to
start (:class:`OSError`).

>>> [hex(n) for n in syscall_numbers("x86_64")]
['0x29', '0x1a9', '0x1aa', '0x1ab', '0x1b6']
"""

from __future__ import annotations

import ctypes
import os
import platform
import socket
import struct

# the data each filter reads: struct seccomp_data { int nr; u32 arch; u64 ip; u64 args[6]; }
_NR, _ARCH, _ARG0 = 0, 4, 16  # offsets (args[0]'s low 32 bits: the socket family)
_LD_W_ABS, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, …|JGE|K
_ALLOW = 0x7FFF0000  # SECCOMP_RET_ALLOW
_DENY = 0x00050000 | 1  # SECCOMP_RET_ERRNO | EPERM
_X32 = 0x40000000  # x86-64 system calls with this bit set are the x32 ABI

# per machine: AUDIT_ARCH, seccomp(2), and the numbers of socket, io_uring_setup, _enter,
# _register and pidfd_getfd
ARCHES = {
    "x86_64": (0xC000003E, 317, (41, 425, 426, 427, 438)),
    "aarch64": (0xC00000B7, 277, (198, 425, 426, 427, 438)),
}
_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_SET_MODE_FILTER, _SECCOMP_FILTER_FLAG_TSYNC = 1, 1


def syscall_numbers(machine: str) -> tuple[int, ...]:
    """The system calls the filter looks at on ``machine`` (socket first)."""
    return ARCHES[machine][2]


def program(machine: str) -> list[tuple[int, int, int, int]]:
    """The filter as BPF instructions ``(code, jump_true, jump_false, k)``.

    >>> program("x86_64")[-2:] == [(_RET, 0, 0, _ALLOW), (_RET, 0, 0, _DENY)]
    True
    """
    arch, _, (sock, *denied) = ARCHES[machine]
    checks = [(_JGE, _X32)] if machine == "x86_64" else []
    checks += [(_JEQ, number) for number in denied]
    tail = [  # after the checks: a socket's family decides, anything else is allowed
        (_JEQ, 1, 0, sock),
        (_RET, 0, 0, _ALLOW),
        (_LD_W_ABS, 0, 0, _ARG0),
        (_JEQ, 0, 1, socket.AF_UNIX),
        (_RET, 0, 0, _ALLOW),
        (_RET, 0, 0, _DENY),
    ]
    to_deny = len(tail) - 1  # jumps are relative to the next instruction
    body = [(_LD_W_ABS, 0, 0, _ARCH), (_JEQ, 0, 1 + len(checks) + to_deny, arch)]
    body.append((_LD_W_ABS, 0, 0, _NR))
    for at, (code, number) in enumerate(checks):
        body.append((code, len(checks) - at - 1 + to_deny, 0, number))
    return body + tail


def deny_network() -> None:
    """Install the filter in this process (all its threads, and its future children).

    :raises OSError: not Linux on x86-64 or arm64, or the kernel refused the filter.
    """
    machine = platform.machine()
    if os.name != "posix" or platform.system() != "Linux" or machine not in ARCHES:
        raise OSError(f"cannot deny network access on {platform.system()} {machine}")
    code = b"".join(struct.pack("HBBI", *op) for op in program(machine))
    filters = ctypes.create_string_buffer(code)
    fprog = struct.pack("HxxxxxxP", len(code) // 8, ctypes.addressof(filters))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "cannot set no_new_privs for the seccomp filter")
    number = ARCHES[machine][1]
    mode, flags = ctypes.c_long(_SECCOMP_SET_MODE_FILTER), ctypes.c_long(_SECCOMP_FILTER_FLAG_TSYNC)
    if libc.syscall(ctypes.c_long(number), mode, flags, ctypes.c_char_p(fprog)) != 0:
        raise OSError(ctypes.get_errno(), "the kernel refused the seccomp filter")
