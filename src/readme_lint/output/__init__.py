"""Reports: the text report and one emitter per machine format."""
