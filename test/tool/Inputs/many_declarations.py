#!/usr/bin/env python3
"""many_declarations.py N: a JSON trace with N declarations in N/10
functions (a pathological graph for the dot export's caps). Declaration i
is created i % 7 + 1 times; each instance is borrowed by a call to f(i % 50)
and by declaration i + 1 (mutably when i is even), so edge weights differ."""
import json
import sys

n = int(sys.argv[1])
events = []
t = 0
var_id = 0
borrow_id = 0


def add(event):
    global t
    t += 10
    event.update(timestamp=t, thread=1)
    events.append(event)


for i in range(n):
    function = "fn%d" % (i // 10)
    for _ in range(i % 7 + 1):
        var_id += 1
        add({"type": "New", "var_id": var_id, "location": "gen.c:%d:5" % (i + 1),
             "function": function, "var_name": "v%d" % i, "type_name": "int"})
        owner = var_id
        borrow_id += 1
        add({"type": "Borrow", "borrow_id": borrow_id, "owner_id": owner,
             "borrower_id": None, "location": "gen.c:%d:9" % (i + 1),
             "function": function, "borrower_name": "f%d" % (i % 50),
             "borrower_kind": "call", "owner_name": "v%d" % i,
             "kind": "shared"})
        var_id += 1
        add({"type": "New", "var_id": var_id, "location": "gen.c:%d:7" % (i + 1),
             "function": function, "var_name": "p%d" % i, "type_name": "int *"})
        borrow_id += 1
        add({"type": "Borrow", "borrow_id": borrow_id, "owner_id": owner,
             "borrower_id": var_id, "location": "gen.c:%d:7" % (i + 1),
             "function": function, "borrower_name": "p%d" % i,
             "borrower_kind": "variable", "owner_name": "v%d" % i,
             "kind": "mutable" if i % 2 == 0 else "shared"})
        add({"type": "Drop", "var_id": var_id, "location": "gen.c:%d:7" % (i + 1),
             "function": function, "var_name": "p%d" % i, "type_name": "int *"})
        add({"type": "Drop", "var_id": owner, "location": "gen.c:%d:5" % (i + 1),
             "function": function, "var_name": "v%d" % i, "type_name": "int"})

json.dump({"version": 1, "program": "./gen", "pid": 1, "timestamp_unit": "ns",
           "events": events,
           "threads": [{"id": 1, "os_tid": 1, "name": "gen",
                        "events": len(events)}],
           "event_count": len(events)}, sys.stdout)
