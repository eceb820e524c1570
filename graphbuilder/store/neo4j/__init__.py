"""Neo4j, the property-graph target: typed rows, every Cypher statement, the push over Bolt."""
