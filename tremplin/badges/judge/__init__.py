"""External judges of the issued credentials: 1EdTech's JSON Schema and Digital Bazaar's verifier."""
