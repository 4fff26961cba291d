"""What happens: one function per query or mutation, with its permission checks and transaction.

Resolvers take the request Context and plain inputs, return models (the schema's types are views
over them) and refuse bad input by raising ``Invalid`` with every problem found.
"""
