package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

func TestSchemaFlags(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name              string
		args              []string
		want              string
		wantErr, wantHint string
	}{
		{name: "the default", args: nil, want: "plan"},
		{name: "plan", args: []string{"plan"}, want: "plan"},
		{name: "result", args: []string{"result"}, want: "result"},
		{name: "unknown", args: []string{"results"}, wantErr: `unknown schema "results"`, wantHint: "use plancheck schema plan or plancheck schema result"},
		{name: "two", args: []string{"plan", "result"}, wantErr: "schema takes at most one name, got 2 arguments", wantHint: "use plancheck schema plan or plancheck schema result"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ios, _, _ := testStreams()
			g := &globalOptions{lang: msg.English}
			var got *schemaOptions
			cmd := newSchemaCmd(ios, g, func(opts *schemaOptions) error {
				got = opts
				return nil
			})
			_, err := execute(cmd, tc.args)
			checkFlagError(t, err, tc.wantErr, tc.wantHint)
			switch {
			case tc.wantErr != "" && got != nil:
				t.Errorf("ran with %+v after a bad argument", got)
			case tc.wantErr == "" && (got == nil || got.name != tc.want):
				t.Errorf("got %+v, want schema %s", got, tc.want)
			}
		})
	}
}

// TestSchemaPrintsTheFiles: plancheck schema prints the files of schema/ as
// they are; the result schema describes what eval --format json writes
// (here for the sample workbook), and the plan schema accepts the shipped
// plans (pkg/plan's tests check it in depth).
func TestSchemaPrintsTheFiles(t *testing.T) {
	t.Parallel()
	run := func(args ...string) []byte {
		var out, errOut bytes.Buffer
		if code := Main(args, strings.NewReader(""), &out, &errOut); code != ExitOK {
			t.Fatalf("plancheck %v: status %d\n%s", args, code, errOut.String())
		}
		return out.Bytes()
	}
	compile := func(name string, data []byte) *jsonschema.Schema {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource(name, doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return s
	}
	for args, file := range map[string]string{"schema": "plan", "schema plan": "plan", "schema result": "result"} {
		want, err := os.ReadFile("../../schema/" + file + ".schema.json")
		if err != nil {
			t.Fatal(err)
		}
		if got := run(strings.Fields(args)...); !bytes.Equal(got, want) {
			t.Errorf("plancheck %s is not schema/%s.schema.json", args, file)
		}
	}

	result := compile("result.schema.json", run("schema", "result"))
	out := run("eval", "--format", "json", "--fail-on", "none", "../../testdata/2023.xlsx")
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := result.Validate(v); err != nil {
		t.Errorf("eval --format json does not match plancheck schema result: %v", err)
	}
	if err := compile("plan.schema.json", run("schema")).Validate(v); err == nil {
		t.Error("the plan schema accepts an eval result: the two are not told apart")
	}
}
