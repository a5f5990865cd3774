<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ContentPage</name>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="22"/>
        <source>This page is not in the current content.</source>
        <translation>هذه الصفحة غير موجودة في المحتوى الحالي.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="45"/>
        <source>Checked on %1</source>
        <extracomment>Page footer; %1 is a date such as &quot;1 November 2026&quot;</extracomment>
        <translation>تم التحقق في %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="52"/>
        <source>Machine translation: ask a social worker if something is unclear.</source>
        <extracomment>Page footer for pages translated by a machine</extracomment>
        <translation>ترجمة آلية: اسأل مساعداً اجتماعياً إذا لم يكن شيء ما واضحاً.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="58"/>
        <source>Page code %1</source>
        <translation>رمز الصفحة %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/pages/HomePage.qml" line="14"/>
        <source>What do you need?</source>
        <extracomment>Home screen question above the four topics</extracomment>
        <translation>ماذا تحتاج؟</translation>
    </message>
    <message>
        <location filename="../qml/pages/HomePage.qml" line="48"/>
        <source>Which paper do you have?</source>
        <extracomment>Button on the home screen: choose which residence document you hold</extracomment>
        <translation>ما هي الورقة التي لديك؟</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="28"/>
        <source>Home</source>
        <extracomment>Navigation button: back to the four topics</extracomment>
        <translation>الرئيسية</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="36"/>
        <source>Back</source>
        <extracomment>Navigation button: previous screen</extracomment>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="51"/>
        <source>Language</source>
        <extracomment>Navigation button: choose another language</extracomment>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="58"/>
        <source>Emergency</source>
        <extracomment>Navigation button: emergency numbers (112)</extracomment>
        <translation>طوارئ</translation>
    </message>
</context>
<context>
    <name>StatusListModel</name>
    <message>
        <location filename="../kiosk/app/statuslistmodel.cpp" line="23"/>
        <source>I don&apos;t know / I have no paper</source>
        <translation>لا أعرف / ليس لدي أي ورقة</translation>
    </message>
    <message>
        <location filename="../kiosk/app/statuslistmodel.cpp" line="24"/>
        <source>General information, and where to ask.</source>
        <translation>معلومات عامة، وأين تسأل.</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <location filename="../qml/pages/StatusPage.qml" line="15"/>
        <source>Which paper do you have?</source>
        <extracomment>Title of the screen where the visitor shows which residence document they hold</extracomment>
        <translation>ما هي الورقة التي لديك؟</translation>
    </message>
</context>
<context>
    <name>TopicPage</name>
    <message>
        <location filename="../qml/pages/TopicPage.qml" line="47"/>
        <source>Nothing here applies to your paper. Please ask at the desk.</source>
        <extracomment>Shown when no page of a topic applies to the chosen residence status</extracomment>
        <translation>لا شيء هنا يخص ورقتك. اسأل في الاستقبال.</translation>
    </message>
</context>
</TS>
