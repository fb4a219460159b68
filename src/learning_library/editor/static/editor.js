/* The editor's own script, loaded after Decap CMS. */
