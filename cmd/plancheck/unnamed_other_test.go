//go:build !linux

package main

// unnamedFiles: unnamed files (O_TMPFILE) are Linux's.
func unnamedFiles(string) bool { return false }
