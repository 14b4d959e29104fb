package msg

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

// Text is err worded in l: an *Error (or a Worded text) as the catalogue
// words it; any other error by its Error. Only the outermost error is looked
// at: an error wrapped by fmt.Errorf keeps the wrapper's wording.
func Text(err error, l Lang) string {
	if err == nil {
		return ""
	}
	if e, ok := err.(*Error); ok {
		return e.In(l)
	}
	return err.Error()
}
