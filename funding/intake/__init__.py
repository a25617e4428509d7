"""Reading and checking one CSV file: its table of columns, column-wise and row rules, typed
records, and the containers (templates) and text documents the tools read."""
