# The two commands of the README: `make run` serves the site with demo data, `make test` runs the suite.
.PHONY: run test setup data bench clean

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

# Rebuild the derived occupation file from the reference data (see docs/data.md for where it lives).
data:
	.venv/bin/python tools/build_occupation_data.py

bench:
	.venv/bin/python benchmarks/class_rush.py

clean:
	rm -rf .venv var
