package plan_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

const schemaPath = "../../schema/plan.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlToJSONValue turns a plan file into the value a JSON Schema validator sees,
// as an editor's YAML language server does.
func yamlToJSONValue(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestShippedPlansSatisfySchema validates every file of plans/ against the JSON
// Schema, and checks each names the schema for editors.
func TestShippedPlansSatisfySchema(t *testing.T) {
	s := compileSchema(t)
	files, _ := filepath.Glob("../../plans/*.yaml")
	if len(files) < 2 {
		t.Fatalf("found %d plan files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=../schema/plan.schema.json\n") {
			t.Errorf("%s: does not start with the yaml-language-server schema line", f)
		}
		if err := s.Validate(yamlToJSONValue(t, data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestSchemaRejects: the schema catches, as people type, what the loader
// rejects: an unknown field, a missing target, a bad attribute, printed
// without a note.
func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	base := header + "      - id: x\n        name: n\n        unit: \"%\"\n"
	for name, src := range map[string]string{
		"unknown field":     base + "        target: \">95\"\n        colour: red\n",
		"missing target":    base,
		"bad attribute":     base + "        target: \">95\"\n        attribute: 强制性\n",
		"printed, no note":  base + "        target: \"[1700]\"\n        printed: \"<[1700]\"\n",
		"bad id":            strings.Replace(base, "id: x", "id: X", 1) + "        target: \">95\"\n",
		"one-item better":   base + "        target: \"15:45\"\n        better: [up]\n",
		"unknown top level": base + "        target: \">95\"\nauthor: me\n",
	} {
		if err := s.Validate(yamlToJSONValue(t, []byte(src))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
		if _, err := plan.Load("f.yaml", []byte(src)); err == nil {
			t.Errorf("%s: the loader accepts it", name)
		}
	}
}

// TestSchemaMatchesLoader: the schema allows exactly the fields the loader
// reads, at every level, so the two cannot drift apart.
func TestSchemaMatchesLoader(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	keysOf := func(obj map[string]any) []string {
		props, _ := obj["properties"].(map[string]any)
		var keys []string
		for k := range props {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return keys
	}
	resolve := func(v any) map[string]any {
		m, _ := v.(map[string]any)
		if ref, ok := m["$ref"].(string); ok {
			name := strings.TrimPrefix(ref, "#/$defs/")
			m, _ = doc["$defs"].(map[string]any)[name].(map[string]any)
		}
		return m
	}
	props := doc["properties"].(map[string]any)
	group := resolve(resolve(props["groups"])["items"])
	levels := map[string]map[string]any{
		"plan":       doc,
		"period":     resolve(props["period"]),
		"thresholds": resolve(props["thresholds"]),
		"group":      group,
		"indicator":  resolve(resolve(group["properties"].(map[string]any)["indicators"])["items"]),
	}
	for level, fields := range plan.Fields() {
		want := append([]string(nil), fields...)
		sort.Strings(want)
		obj := levels[level]
		if obj == nil {
			t.Errorf("schema: no object for %s", level)
			continue
		}
		if got := keysOf(obj); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: schema allows %v, the loader %v", level, got, want)
		}
		if obj["additionalProperties"] != false {
			t.Errorf("%s: schema allows additional properties", level)
		}
	}
}

// TestEncodedPlansSatisfySchema: a plan file written by Encode (show
// --format yaml) is one an editor's schema accepts as it is.
func TestEncodedPlansSatisfySchema(t *testing.T) {
	s := compileSchema(t)
	r, err := plan.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.All() {
		var out bytes.Buffer
		if err := plan.Encode(&out, p); err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(yamlToJSONValue(t, out.Bytes())); err != nil {
			t.Errorf("%s: %v", p.Ref(), err)
		}
	}
}
