import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// What a person who cannot read hears, on the demo pack and its speech: the greeting
// when they touch the attract screen, each language's name, the question of the paper
// screen, the label of each button they touch, and the idle warning's chime and
// question. Languages without a voice stay silent instead of failing.
TestCase {
    id: root
    name: "Speech"
    when: windowShown
    visible: true
    width: 1920
    height: 1080

    Component {
        id: screenComponent
        KioskScreen { width: root.width; height: root.height }
    }

    property Item screen

    function findNamed(item: Item, name: string): Item {
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findNamed(item.children[i], name)
            if (found)
                return found
        }
        return null
    }

    function tap(name: string) {
        let item = null
        tryVerify(() => (item = findNamed(screen, name)) !== null && item.visible, 2000, "no visible item named " + name)
        waitForRendering(screen)
        mouseClick(item)
    }

    function lastPlayed(): string {
        return FakeAudio.played.length > 0 ? FakeAudio.played[FakeAudio.played.length - 1] : ""
    }

    function languageRow(code: string): var {
        const model = Qt.createQmlObject("import Passerelle.Kiosk; LanguageListModel {}", root)
        model.content = Content
        model.language = "fr"
        for (let i = 0; i < model.count; ++i) {
            if (model.get(i).code === code)
                return model.get(i)
        }
        return null
    }

    function init() {
        Services.endSession()
        FakeAudio.clear()
        screen = createTemporaryObject(screenComponent, root)
        verify(screen)
        Services.watch(screen)
        compare(Navigator.route, "attract")
    }

    function test_attractIsSilentUntilTouchedThenGreets() {
        tryVerify(() => findNamed(screen, "greeting").text.length > 0)
        wait(300)
        compare(FakeAudio.played.length, 0) // nothing plays by itself
        const area = findNamed(screen, "attractArea")
        waitForRendering(screen)
        const shown = findNamed(screen, "greeting").language // the greetings change every 2.5 s
        mouseClick(area)
        verify(shown.greetingAudio.length > 0, "the demo pack speaks its greetings")
        compare(lastPlayed(), shown.greetingAudio)
        compare(Navigator.route, "language")
    }

    function test_touchingALanguageSaysItsName() {
        Navigator.go("language")
        for (const code of ["ar", "uk", "tr"]) {
            const row = languageRow(code)
            verify(row.audio.length > 0, code + " has its name spoken")
            tap("language_" + code)
            compare(lastPlayed(), row.audio)
            compare(Narrator.speaking, false) // a cue, not reading: the idle timer still runs
            compare(IdleTimer.running, true)
        }
        // Tigrinya has no voice: touching it selects it in silence, without an error.
        const before = FakeAudio.played.length
        tap("language_ti")
        compare(FakeAudio.played.length, before)
        compare(Narrator.failed, false)
    }

    function test_thePaperScreenAsksItsQuestionAloud() {
        Navigator.go("language")
        tap("language_ar")
        FakeAudio.clear()
        tap("languageConfirm")
        compare(Navigator.route, "status")
        const question = Content.labelAudio(qsTranslate("StatusPage", "Which paper do you have?"), "ar")
        verify(question.length > 0)
        tryVerify(() => lastPlayed() === question)
        // Each paper says its name when touched.
        FakeAudio.clear()
        tap("status_refugee")
        verify(lastPlayed().length > 0)
        compare(Navigator.route, "home")
    }

    function test_buttonsSayTheirLabelInTheVisitorsLanguage() {
        Session.language = "uk"
        Navigator.go("home")
        FakeAudio.clear()
        tap("topic_housing")
        const housing = Content.topicAudio("housing", "uk")
        verify(housing.length > 0)
        compare(FakeAudio.played, [housing])
        tap("homeButton")
        compare(lastPlayed(), Content.labelAudio(findNamed(screen, "homeButton").text, "uk"))
        verify(lastPlayed().length > 0)
        // The title of a screen says itself when touched.
        FakeAudio.clear()
        tap("hearTitle")
        compare(FakeAudio.played, [Content.labelAudio(qsTranslate("HomePage", "What do you need?"), "uk")])
    }

    function test_audioControlsDoNotSpeakTheirLabel() {
        Session.language = "fr"
        Navigator.go("page/amu-steps")
        tryVerify(() => findNamed(screen, "audioPlay") !== null && findNamed(screen, "audioPlay").visible)
        FakeAudio.clear()
        tap("audioPlay")
        compare(Narrator.speaking, true)
        compare(Narrator.currentIndex >= 0, true)
        compare(FakeAudio.played.length, 1) // the first block, not the word "Listen"
        Narrator.stop()
    }

    function test_idleWarningChimesThenAsks() {
        Navigator.go("language")
        tap("language_en")
        tap("languageConfirm")
        FakeAudio.clear()
        tryCompare(IdleTimer, "warning", true, 6000)
        compare(FakeAudio.played, [Narrator.chime()])
        FakeAudio.finish()
        compare(FakeAudio.played, [Narrator.chime(), Content.labelAudio("Are you still there?", "en")])
        verify(FakeAudio.played[1].length > 0)
        tap("moreTime")
        compare(IdleTimer.warning, false)
    }
}
