<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ps">
<context>
    <name>WebExport</name>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="19"/>
        <source>Home</source>
        <extracomment>Navigation link back to the topics of the home page</extracomment>
        <translation>اصلي پاڼه</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="21"/>
        <source>Language</source>
        <extracomment>Navigation link to the list of languages</extracomment>
        <translation>ژبه</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="23"/>
        <source>Emergency</source>
        <extracomment>Navigation link that calls the emergency number 112</extracomment>
        <translation>بیړني حالت</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="25"/>
        <source>What do you need?</source>
        <extracomment>Home page heading above the four topics</extracomment>
        <translation>تاسو څه ته اړتیا لرئ؟</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="27"/>
        <source>Which paper do you have?</source>
        <extracomment>Link and heading: choose which residence document you hold</extracomment>
        <translation>تاسو کوم سند لرئ؟</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="29"/>
        <source>I don&apos;t know / I have no paper</source>
        <extracomment>The choice for people who do not know their residence status or have no document</extracomment>
        <translation>نه پوهېږم / هېڅ سند نه لرم</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="31"/>
        <source>General information, and where to ask.</source>
        <extracomment>Hint under &quot;I don&apos;t know / I have no paper&quot;</extracomment>
        <translation>عمومي معلومات، او چېرته پوښتنه وکړئ.</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="33"/>
        <source>Your paper: %1</source>
        <extracomment>%1 is the residence status chosen, e.g. &quot;Asylum seeker&quot;</extracomment>
        <translation>ستاسو سند: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="35"/>
        <source>Nothing here applies to your paper. Please ask at the desk.</source>
        <extracomment>Shown when no page of a topic applies to the chosen residence status</extracomment>
        <translation>دلته هېڅ شی ستاسو په سند پورې اړه نه لري. مهرباني وکړئ له استقبال څخه پوښتنه وکړئ.</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="37"/>
        <source>Information in force on %1</source>
        <extracomment>Footer of every page; %1 is a date such as &quot;1 November 2026&quot;</extracomment>
        <translation>هغه معلومات چې په %1 نېټه د اعتبار وړ دي</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="39"/>
        <source>Checked on %1</source>
        <extracomment>Page footer; %1 is a date such as &quot;1 November 2026&quot;</extracomment>
        <translation>په %1 کتل شوی</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="41"/>
        <source>Sources</source>
        <extracomment>Heading of the list of web sites a page is based on</extracomment>
        <translation>سرچینې</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="43"/>
        <source>Machine translation: ask a social worker if something is unclear.</source>
        <extracomment>Notice on pages translated by a machine</extracomment>
        <translation>ماشیني ژباړه: که کوم شی روښانه نه وي، له ټولنیز کارکوونکي وپوښتئ.</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="45"/>
        <source>Page code %1</source>
        <extracomment>%1 is a short code such as S2 that social workers use to find a page</extracomment>
        <translation>د پاڼې کوډ %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="47"/>
        <source>Not translated yet: shown in %1.</source>
        <extracomment>%1 is the name of the language the page is shown in instead, e.g. &quot;Français&quot;</extracomment>
        <translation>لا نه دی ژباړل شوی: په %1 ښودل کېږي.</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="49"/>
        <source>This information is not in force on %1.</source>
        <extracomment>%1 is a date; the page has no version valid on that date</extracomment>
        <translation>دا معلومات په %1 نېټه د اعتبار وړ نه دي.</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="51"/>
        <source>This rule applies from %1.</source>
        <extracomment>%1 is a date: a rule that changed on that day</extracomment>
        <translation>دا قاعده له %1 څخه پلي کېږي.</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="53"/>
        <source>This rule applies until %1.</source>
        <extracomment>%1 is a date: the last day a rule applies</extracomment>
        <translation>دا قاعده تر %1 پورې پلي کېږي.</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="55"/>
        <source>Listen</source>
        <extracomment>Accessible name of an audio player that reads a paragraph aloud</extracomment>
        <translation>واورئ</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="57"/>
        <source>Synthetic voice</source>
        <extracomment>Notice on a page whose audio players speak with a computer voice, not a person&apos;s</extracomment>
        <translation>مصنوعي غږ</translation>
    </message>
    <message>
        <location filename="../../kiosk/pack/webstrings.cpp" line="59"/>
        <source>to check</source>
        <extracomment>After an address or phone number that no recent source confirms</extracomment>
        <translation>باید وکتل شي</translation>
    </message>
</context>
</TS>
