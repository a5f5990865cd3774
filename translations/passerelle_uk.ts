<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
<context>
    <name>AttractPage</name>
    <message>
        <location filename="../qml/pages/AttractPage.qml" line="58"/>
        <source>Touch the screen to start</source>
        <translation>Торкніться екрана, щоб почати</translation>
    </message>
</context>
<context>
    <name>AudioBar</name>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="22"/>
        <source>Listen</source>
        <extracomment>Audio: read the whole page aloud</extracomment>
        <translation>Слухати</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="31"/>
        <source>Continue</source>
        <translation>Продовжити</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="31"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="40"/>
        <source>Repeat</source>
        <translation>Повторити</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="49"/>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="59"/>
        <source>Quieter</source>
        <extracomment>Audio: quieter</extracomment>
        <translation>Тихіше</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="71"/>
        <source>Louder</source>
        <extracomment>Audio: louder</extracomment>
        <translation>Гучніше</translation>
    </message>
    <message>
        <location filename="../qml/components/AudioBar.qml" line="85"/>
        <source>No audio in this language.</source>
        <extracomment>Shown instead of the play button when a language has no audio</extracomment>
        <translation>Немає аудіо цією мовою.</translation>
    </message>
</context>
<context>
    <name>BlockView</name>
    <message>
        <location filename="../qml/components/BlockView.qml" line="63"/>
        <source>Listen to this part</source>
        <extracomment>Reads one block of a page aloud</extracomment>
        <translation>Прослухати цю частину</translation>
    </message>
    <message>
        <location filename="../qml/components/BlockView.qml" line="178"/>
        <source>Some of this may have changed: check at the desk.</source>
        <extracomment>Under a service whose address, phone or hours no recent source confirms</extracomment>
        <translation>Деякі дані могли змінитися: перевірте на рецепції.</translation>
    </message>
    <message>
        <location filename="../qml/components/BlockView.qml" line="191"/>
        <source>QR code with this contact, for your phone</source>
        <translation>QR-код із цим контактом для вашого телефону</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="31"/>
        <source>This page is not in the current content.</source>
        <translation>Цієї сторінки немає в поточному вмісті.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="114"/>
        <source>Checked on %1</source>
        <extracomment>Page footer; %1 is a date such as &quot;1 November 2026&quot;</extracomment>
        <translation>Перевірено %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="123"/>
        <source>Not translated yet: shown in French.</source>
        <extracomment>Page footer when the page has no translation in the visitor&apos;s language yet</extracomment>
        <translation>Ще не перекладено: показано французькою.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="131"/>
        <source>Machine translation: ask a social worker if something is unclear.</source>
        <extracomment>Page footer for pages translated by a machine</extracomment>
        <translation>Машинний переклад: запитайте соціального працівника, якщо щось незрозуміло.</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="137"/>
        <source>Page code %1</source>
        <translation>Код сторінки %1</translation>
    </message>
    <message>
        <location filename="../qml/pages/ContentPage.qml" line="178"/>
        <source>QR code with this page, for your phone</source>
        <translation>QR-код із цією сторінкою для вашого телефону</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/pages/HomePage.qml" line="14"/>
        <source>What do you need?</source>
        <extracomment>Home screen question above the four topics</extracomment>
        <translation>Що вам потрібно?</translation>
    </message>
    <message>
        <location filename="../qml/pages/HomePage.qml" line="78"/>
        <source>Which paper do you have?</source>
        <extracomment>Button on the home screen: choose which residence document you hold</extracomment>
        <translation>Який у вас документ?</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="38"/>
        <source>Are you still there?</source>
        <extracomment>Idle warning: the session is about to end</extracomment>
        <translation>Ви ще тут?</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="45"/>
        <source>Everything will be erased in %1 seconds.</source>
        <extracomment>Idle warning; %1 is a number of seconds</extracomment>
        <translation>Усе буде стерто через %1 с.</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="57"/>
        <source>More time</source>
        <extracomment>Idle warning button: keep the session going</extracomment>
        <translation>Більше часу</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <location filename="../qml/KioskScreen.qml" line="93"/>
        <source>This voice is made by a computer</source>
        <extracomment>Shown (and said) before the first machine-made speech of a visit</extracomment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Цей голос створив комп’ютер</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../qml/pages/LanguagePage.qml" line="70"/>
        <source>OK</source>
        <extracomment>Confirms the chosen language</extracomment>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="50"/>
        <source>Home</source>
        <extracomment>Navigation button: back to the four topics</extracomment>
        <translation>Головна</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="61"/>
        <source>Back</source>
        <extracomment>Navigation button: previous screen</extracomment>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="81"/>
        <source>Listen</source>
        <extracomment>Toggle on every screen: speech mode, every item said aloud (touch and hold to turn on)</extracomment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Слухати</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="84"/>
        <source>Touch and hold to hear everything.</source>
        <extracomment>Said on a short touch of the Listen toggle while speech mode is off</extracomment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Торкніться й утримуйте, щоб почути все.</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="105"/>
        <source>Bigger text</source>
        <extracomment>Toggle: bigger text</extracomment>
        <translation>Більший текст</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="119"/>
        <source>Contrast</source>
        <extracomment>Toggle: high-contrast colours</extracomment>
        <translation>Контраст</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="133"/>
        <source>Language</source>
        <extracomment>Navigation button: choose another language</extracomment>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../qml/components/NavigationBar.qml" line="145"/>
        <source>Emergency</source>
        <extracomment>Navigation button: emergency numbers (112)</extracomment>
        <translation>Екстрена допомога</translation>
    </message>
</context>
<context>
    <name>OutOfService</name>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="43"/>
        <source>Out of service</source>
        <translation>Не працює</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="44"/>
        <source>This kiosk cannot show its information at the moment. Please ask at the reception desk.</source>
        <translation>Цей кіоск зараз не може показати інформацію. Будь ласка, зверніться на рецепцію.</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="46"/>
        <source>Emergencies</source>
        <translation>Екстрені служби</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="48"/>
        <source>Doctor on duty, evenings and weekends</source>
        <extracomment>1733, the doctor on duty when the GP&apos;s practice is closed</extracomment>
        <translation>Черговий лікар, вечорами та у вихідні</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="50"/>
        <source>From a foreign SIM card</source>
        <extracomment>Followed by the number to call from a phone with a foreign SIM card</extracomment>
        <translation>З іноземної SIM-картки</translation>
    </message>
    <message>
        <location filename="../kiosk/app/outofservice.cpp" line="51"/>
        <source>Poison centre, free, day and night</source>
        <translation>Центр отруєнь, безкоштовно, цілодобово</translation>
    </message>
</context>
<context>
    <name>SpeechMode</name>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="30"/>
        <source>topic</source>
        <comment>Speech mode: said after a topic&apos;s name (Housing, topic, 2 of 4)</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>тема</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="31"/>
        <source>page</source>
        <comment>Speech mode: said after the title of a page in a topic&apos;s list</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>сторінка</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="32"/>
        <source>paper</source>
        <comment>Speech mode: said after a residence document the visitor can choose</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>документ</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="33"/>
        <source>button</source>
        <comment>Speech mode: said after a button&apos;s label</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>кнопка</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="34"/>
        <source>part of the page</source>
        <comment>Speech mode: where the focus is on a page (help): part of the page, 2 of 7</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>частина сторінки</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="35"/>
        <source>on</source>
        <comment>Speech mode: a toggle (bigger text, contrast) that is switched on</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>увімкнено</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="36"/>
        <source>off</source>
        <comment>Speech mode: a toggle that is switched off</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>вимкнено</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="37"/>
        <source>%1 of %2</source>
        <comment>Speech mode: an item&apos;s place on the screen, 2 of 4</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>%1 із %2</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="39"/>
        <source>Speech is on. Touch the screen to hear what is there, touch twice to choose. Or use the keys.</source>
        <comment>Speech mode: said when it is turned on</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Озвучення увімкнено. Торкніться екрана, щоб почути, що на ньому, торкніться двічі, щоб вибрати. Або користуйтеся клавішами.</translation>
    </message>
    <message>
        <location filename="../kiosk/core/speechwords.h" line="44"/>
        <source>Arrows, or 2 and 8: move. Enter or 5: choose, play or pause. Escape or 0: back. Slash: home. Plus and minus: volume. F1 or the dot: help.</source>
        <comment>Speech mode: the help key&apos;s explanation of the keys (keyboard and number pad)</comment>
        <translatorcomment>Machine translation, to be reviewed.</translatorcomment>
        <translation>Стрілки, або 2 і 8: переміщення. Ентер або 5: вибрати, відтворити або призупинити. Ескейп або 0: назад. Скісна риска: головна. Плюс і мінус: гучність. Еф 1 або крапка: довідка.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="55"/>
        <source>Side by side with French</source>
        <extracomment>Social-worker panel: show each page in the visitor&apos;s language and in French</extracomment>
        <translation>Поруч із французькою</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="62"/>
        <source>Change the paper</source>
        <translation>Змінити документ</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="70"/>
        <source>New visitor</source>
        <extracomment>Social-worker panel: erase everything and go back to the start</extracomment>
        <translation>Новий відвідувач</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="86"/>
        <location filename="../qml/components/StaffPanel.qml" line="87"/>
        <source>Staff PIN</source>
        <translation>PIN персоналу</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="95"/>
        <source>Operator screen</source>
        <translation>Екран оператора</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="111"/>
        <source>Wrong PIN: wait %1 s.</source>
        <extracomment>After a wrong staff PIN; %1 is a number of seconds</extracomment>
        <translation>Неправильний PIN: зачекайте %1 с.</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="124"/>
        <source>Code, e.g. S2</source>
        <extracomment>Placeholder of the field where a social worker types a page code such as S2</extracomment>
        <translation>Код, напр. S2</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="126"/>
        <source>Page code</source>
        <translation>Код сторінки</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="135"/>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <location filename="../qml/components/StaffPanel.qml" line="151"/>
        <location filename="../qml/components/StaffPanel.qml" line="153"/>
        <source>Search</source>
        <extracomment>Placeholder of the search field</extracomment>
        <translation>Пошук</translation>
    </message>
</context>
<context>
    <name>StatusListModel</name>
    <message>
        <location filename="../kiosk/app/statuslistmodel.cpp" line="25"/>
        <source>I don&apos;t know / I have no paper</source>
        <translation>Не знаю / у мене немає документа</translation>
    </message>
    <message>
        <location filename="../kiosk/app/statuslistmodel.cpp" line="27"/>
        <source>General information, and where to ask.</source>
        <translation>Загальна інформація і де запитати.</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <location filename="../qml/pages/StatusPage.qml" line="15"/>
        <source>Which paper do you have?</source>
        <extracomment>Title of the screen where the visitor shows which residence document they hold</extracomment>
        <translation>Який у вас документ?</translation>
    </message>
</context>
<context>
    <name>TopicPage</name>
    <message>
        <location filename="../qml/pages/TopicPage.qml" line="57"/>
        <source>Nothing here applies to your paper. Please ask at the desk.</source>
        <extracomment>Shown when no page of a topic applies to the chosen residence status</extracomment>
        <translation>Тут немає нічого для вашого документа. Запитайте на рецепції.</translation>
    </message>
</context>
</TS>
