"""Language data shipped with the package (word lists, gazetteers, lexicons); see README."""
