//go:build !unix

package input

// nonBlock is nothing where there are no named pipes as on Unix.
const nonBlock = 0
