package msg

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestCatalogueComplete: every message has both languages, the two take the
// same arguments in the same order, and no key is registered twice.
func TestCatalogueComplete(t *testing.T) {
	if len(duplicates) > 0 {
		t.Errorf("keys registered twice: %v", duplicates)
	}
	for _, k := range Keys() {
		e := catalogue[k]
		if strings.TrimSpace(e.zh) == "" || strings.TrimSpace(e.en) == "" {
			t.Errorf("%s: a language is missing: zh %q, en %q", k, e.zh, e.en)
		}
		// The languages may leave an argument out (Chinese names an
		// indicator by name where English gives its id), but an argument
		// both use must be of the same kind.
		zh, en := verbClasses(e.zh), verbClasses(e.en)
		for n, c := range zh {
			if ec, ok := en[n]; ok && ec != c {
				t.Errorf("%s: argument %d is %s in zh, %s in en", k, n, c, ec)
			}
		}
		if len(zh) == 0 != (len(en) == 0) {
			t.Errorf("%s: only one language takes arguments: zh %q, en %q", k, e.zh, e.en)
		}
	}
}

// verbClasses is what kind of argument a format takes at each place (1,
// 2 …, or %[n]): the languages may quote differently (“%s” and %q) but
// must read an argument as the same kind.
func verbClasses(format string) map[int]string {
	byIndex := map[int]string{}
	next := 1
	for _, v := range verbs(format) {
		n := next
		if i := strings.Index(v, "["); i >= 0 {
			if j := strings.Index(v, "]"); j > i {
				n, _ = strconv.Atoi(v[i+1 : j])
			}
		}
		next = n + 1
		class := string(v[len(v)-1])
		switch c := v[len(v)-1]; {
		case strings.IndexByte("sqvxX", c) >= 0:
			class = "text"
		case strings.IndexByte("dcboU", c) >= 0:
			class = "integer"
		case strings.IndexByte("fFgGeE", c) >= 0:
			class = "number"
		}
		byIndex[n] = class
	}
	return byIndex
}

// TestKeysUsed: every key the module's code asks for — a msg.Key("…")
// conversion or a string constant passed to T — is in the catalogue, so no
// user sees a bracketed key.
func TestKeysUsed(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	var used []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
				if x, ok := fn.X.(*ast.Ident); name == "Errorf" && (!ok || x.Name != "msg") {
					name = "" // fmt.Errorf
				}
			case *ast.Ident:
				name = fn.Name
			}
			if name != "T" && name != "Key" && name != "Errorf" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				used = append(used, fset.Position(lit.Pos()).String()+" "+s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) == 0 {
		t.Fatal("found no key in use: the scan is broken")
	}
	for _, u := range used {
		at, key, _ := strings.Cut(u, " ")
		if !Has(Key(key)) {
			t.Errorf("%s: key %q is not in the catalogue", at, key)
		}
	}

}

func TestChoose(t *testing.T) {
	t.Setenv(EnvVar, "")
	if l, err := Choose(""); l != Chinese || err != nil {
		t.Errorf("default: %v %v", l, err)
	}
	t.Setenv(EnvVar, "en")
	if l, err := Choose(""); l != English || err != nil {
		t.Errorf("env en: %v %v", l, err)
	}
	if l, err := Choose("zh"); l != Chinese || err != nil {
		t.Errorf("flag wins: %v %v", l, err)
	}
	t.Setenv(EnvVar, "fr")
	if _, err := Choose(""); err == nil || err.Error() != `PLANCHECK_LANG: unknown language "fr" (want zh or en)` {
		t.Errorf("env fr: %v", err)
	}
	if _, err := Choose("de"); err == nil || err.Error() != `--lang: unknown language "de" (want zh or en)` {
		t.Errorf("flag de: %v", err)
	}
}

func TestT(t *testing.T) {
	add(map[Key][2]string{"test.greeting": {"你好，%s", "hello, %s"}})
	defer delete(catalogue, "test.greeting")
	if got := Chinese.T("test.greeting", "九龙坡"); got != "你好，九龙坡" {
		t.Errorf("zh: %q", got)
	}
	if got := English.T("test.greeting", "Jiulongpo"); got != "hello, Jiulongpo" {
		t.Errorf("en: %q", got)
	}
	if got := English.T("test.none"); got != "[test.none]" {
		t.Errorf("missing: %q", got)
	}
	if v := verbs("%d%% of %-8s %q"); !slices.Equal(v, []string{"%d", "%-8s", "%q"}) {
		t.Errorf("verbs: %v", v)
	}
}

func TestErrorWordsInBothLanguages(t *testing.T) {
	catalogue["test.outer"] = entry{"外：%s", "outer: %s"}
	catalogue["test.inner"] = entry{"内 %d", "inner %d"}
	defer delete(catalogue, "test.outer")
	defer delete(catalogue, "test.inner")

	inner := Errorf("test.inner", 3)
	outer := Errorf("test.outer", inner)
	if got := Text(outer, Chinese); got != "外：内 3" {
		t.Errorf("Chinese: %q", got)
	}
	if got := outer.Error(); got != "outer: inner 3" {
		t.Errorf("Error: %q", got)
	}
	var e *Error
	if !errors.As(outer.Unwrap()[0], &e) || e != inner {
		t.Errorf("the inner error is not unwrapped")
	}
	if !errors.Is(Errorf("test.outer", os.ErrNotExist), os.ErrNotExist) {
		t.Errorf("errors.Is does not see an error argument")
	}
	if got := Text(wrapped{outer}, Chinese); got != "外：内 3" {
		t.Errorf("through a wrapper with no text of its own: %q", got)
	}
	if got := Text(fmt.Errorf("ctx: %w", outer), Chinese); got != "ctx: outer: inner 3" {
		t.Errorf("through a wrapper with text: %q", got)
	}
	if got := Text(errors.New("plain"), Chinese); got != "plain" {
		t.Errorf("plain error: %q", got)
	}
}

type wrapped struct{ error }

func (w wrapped) Unwrap() error { return w.error }
