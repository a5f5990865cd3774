<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ContentPage</name>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="22"/>
        <source>This page is not in the current content.</source>
        <translation>This page is not in the current content.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="45"/>
        <source>Checked on %1</source>
        <extracomment>Page footer; %1 is a date such as &quot;1 November 2026&quot;</extracomment>
        <translation>Checked on %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="52"/>
        <source>Machine translation: ask a social worker if something is unclear.</source>
        <extracomment>Page footer for pages translated by a machine</extracomment>
        <translation>Machine translation: ask a social worker if something is unclear.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="58"/>
        <source>Page code %1</source>
        <translation>Page code %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/pages/HomePage.qml" line="14"/>
        <source>What do you need?</source>
        <extracomment>Home screen question above the four topics</extracomment>
        <translation>What do you need?</translation>
    </message>
    <message>
        <location filename="../qml/pages/HomePage.qml" line="48"/>
        <source>Which paper do you have?</source>
        <extracomment>Button on the home screen: choose which residence document you hold</extracomment>
        <translation>Which paper do you have?</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="28"/>
        <source>Home</source>
        <extracomment>Navigation button: back to the four topics</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="36"/>
        <source>Back</source>
        <extracomment>Navigation button: previous screen</extracomment>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="51"/>
        <source>Language</source>
        <extracomment>Navigation button: choose another language</extracomment>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="58"/>
        <source>Emergency</source>
        <extracomment>Navigation button: emergency numbers (112)</extracomment>
        <translation>Emergency</translation>
    </message>
</context>
<context>
    <name>StatusListModel</name>
    <message>
        <location filename="../kiosk/app/statuslistmodel.cpp" line="23"/>
        <source>I don&apos;t know / I have no paper</source>
        <translation>I don't know / I have no paper</translation>
    </message>
    <message>
        <location filename="../kiosk/app/statuslistmodel.cpp" line="24"/>
        <source>General information, and where to ask.</source>
        <translation>General information, and where to ask.</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <location filename="../qml/pages/StatusPage.qml" line="15"/>
        <source>Which paper do you have?</source>
        <extracomment>Title of the screen where the visitor shows which residence document they hold</extracomment>
        <translation>Which paper do you have?</translation>
    </message>
</context>
<context>
    <name>TopicPage</name>
    <message>
        <location filename="../qml/pages/TopicPage.qml" line="47"/>
        <source>Nothing here applies to your paper. Please ask at the desk.</source>
        <extracomment>Shown when no page of a topic applies to the chosen residence status</extracomment>
        <translation>Nothing here applies to your paper. Please ask at the desk.</translation>
    </message>
</context>
</TS>
