package main

import "golang.org/x/sys/unix"

// unnamedFiles reports whether dir's file system makes unnamed files
// (O_TMPFILE: ext4, xfs, btrfs, tmpfs; overlayfs from Linux 6.6).
func unnamedFiles(dir string) bool {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return false
	}
	unix.Close(fd)
	return true
}
