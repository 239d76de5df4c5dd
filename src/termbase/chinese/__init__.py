"""Chinese text: Simplified/Traditional conversion with OpenCC (the only package that imports
it) and the term base's own forms, GB/T 16159 pinyin (the only package that imports pypinyin).

Owns: script (OpenCC), convert (term-aware conversion), pinyin (readings, syllables),
pinyin_text (running text). May import: the bottom modules and `base`.
"""
