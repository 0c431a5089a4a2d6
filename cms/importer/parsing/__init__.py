"""The parts of an official document, each read by its own module; see cms.importer.parser."""
