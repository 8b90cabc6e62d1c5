"""Top-level domains that make a bare ``name.tld`` count as a link.

X links a domain written without ``https://`` only when its top-level domain is
real (twitter-text keeps the full IANA list). This is the generic part of that
list a company's posts plausibly contain; every two-letter ASCII TLD is taken for
a country code (see :func:`governance.text.length.extract_urls`), which keeps
file names like ``readme.md`` out by X's own rule for short country domains.
"""

from __future__ import annotations

from governance.text.spans import word_set

GENERIC_TLDS = word_set("""
academy aero agency app art asia bank bar biz blog business cafe cam camp capital cards
care careers cat center chat city click cloud club coach codes coffee com community
company computer consulting coop design dev digital direct directory education email
energy engineering events expert express finance fitness foundation fun gallery games
gift global gmbh gov group guide guru health help holdings host house info ink int
international jobs land life link live llc ltd management market marketing media mil
mobi money museum name net network news ngo one online ooo org page partners photo
photography photos pics plus press pro productions properties pub recipes rest run
sale school science services shop shopping site social software solutions space store
stream studio style support systems team tech technology tel today tools top tours
training travel university vip watch web website wiki work works world xyz zone
""")
