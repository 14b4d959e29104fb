package msg

import "errors"

// Error is an error kept as a catalogue key and its arguments, so that the
// same error reads in either language: In words it for the reader, Error in
// English for a caller that names no language (tests, other programs).
// Packages with no language of their own (the plan loader, the workbook
// reader) return Errors; the command line words them with Text.
//
// An argument that is an error is worded in the same language (an *Error in
// it, any other by its Error), so that an Error wrapping an Error reads
// wholly in one language; errors.Is and errors.As see every error argument.
// A catalogue text takes such an argument as %s, never %w.
type Error struct {
	Key  Key
	Args []any
}

// Errorf is the error worded by key k with args.
func Errorf(k Key, args ...any) *Error { return &Error{Key: k, Args: args} }

func (e *Error) Error() string { return e.In(English) }

// In is e worded in l.
func (e *Error) In(l Lang) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if err, ok := a.(error); ok {
			a = Text(err, l)
		}
		args[i] = a
	}
	return l.T(e.Key, args...)
}

// Unwrap is e's arguments that are errors.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// Text is err worded in l: an *Error as the catalogue words it, and also
// one wrapped by errors that add no text of their own (an exit status, a
// hint); any other error by its Error, since a wrapper that adds text (as
// fmt.Errorf does) is worded by whoever wrapped it.
func Text(err error, l Lang) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && (e == err || e.Error() == err.Error()) {
		return e.In(l)
	}
	return err.Error()
}
