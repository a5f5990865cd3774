import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// Issue #17: the visit by touch exploration (ACCESSIBILITY.md req. 20), as screen readers
// on phones do it: a long touch on Listen turns speech on; then a touch says what is under
// the finger and does nothing else, sliding says each item crossed, a double tap acts.
KioskTest {
    name: "Explore"

    // A single touch; the next touch on the same item within half a second would be a double tap.
    function touch(name: string) {
        wait(600)
        mouseClick(named(name))
    }

    function doubleTap(name: string) {
        wait(600)
        const item = named(name)
        mouseClick(item)
        mouseClick(item)
    }

    function turnSpeechOn() {
        const listen = named("listenToggle")
        mousePress(listen)
        wait(1200) // longer than a long press
        mouseRelease(listen)
        compare(SpeechMode.active, true)
    }

    function test_journey_data() {
        return [{ tag: "fr", lang: "fr" }, { tag: "ar", lang: "ar" }]
    }

    function test_journey(data) {
        // An ordinary touch starts, as for everyone.
        mouseClick(named("attractArea"))
        compare(Navigator.route, "language")
        heard()
        turnSpeechOn()
        // The toggle's label as it is pressed, as for any button; then the language in focus.
        compare(said(), ["language_fr"])
        compare(heard(), [Content.labelAudio("listen", "fr"), languageAudio("fr")])

        // A touch says the language and chooses nothing; a double tap chooses it.
        touch("language_" + data.lang)
        compare(Navigator.route, "language")
        checkSaid(["language_" + data.lang], true)
        doubleTap("language_" + data.lang)
        compare(Session.language, data.lang)
        compare(Navigator.route, "status")
        compare(said()[0], "speech-is-on-touch-the-screen-to-hear-what-is-th")
        heard()

        touch("status_refugee")
        compare(Navigator.route, "status")
        compare(said().slice(0, 2), ["status_refugee", "paper"])
        checkSaid(said(), true)
        doubleTap("status_refugee")
        compare(Navigator.route, "home")
        heard()

        // Sliding from the first topic to the second says the second; lifting does nothing.
        waitForRendering(screen) // the tiles laid out
        const first = named("topic_health")
        const second = named("topic_housing")
        const a = first.mapToItem(screen, first.width / 2, first.height / 2)
        const b = second.mapToItem(screen, second.width / 2, second.height / 2)
        mousePress(screen, a.x, a.y)
        compare(said()[0], "topic_health")
        mouseMove(screen, (a.x + b.x) / 2, (a.y + b.y) / 2, -1, Qt.LeftButton)
        mouseMove(screen, b.x, b.y, -1, Qt.LeftButton)
        compare(said()[0], "topic_housing")
        mouseRelease(screen, b.x, b.y)
        compare(Navigator.route, "home")
        heard()

        doubleTap("topic_housing")
        compare(Navigator.route, "topic/housing")
        heard()

        // A page: a touch on a block reads it; a double tap pauses it.
        const pageRow = findPages(screen)[0]
        verify(pageRow)
        waitForRendering(screen)
        doubleTap(pageRow)
        compare(Navigator.route, "page/" + pageRow.substring(5))
        touch("block_1")
        compare(said(), ["block_1"])
        compare(Narrator.currentIndex, 1)
        compare(Narrator.paused, false)
        doubleTap("block_1")
        compare(Narrator.paused, true)

        // The Listen toggle, by a double tap, turns speech off: touches act again.
        doubleTap("listenToggle")
        compare(SpeechMode.active, false)
        mouseClick(named("homeButton"))
        compare(Navigator.route, "home")
    }

    function findPages(item: Item): var {
        let out = []
        if (item.objectName.startsWith("page_"))
            out.push(item.objectName)
        for (let i = 0; i < item.children.length; ++i)
            out = out.concat(findPages(item.children[i]))
        return out
    }

    // Turned on from the attract screen, speech mode goes on to the languages (nothing on
    // the attract screen can be explored).
    function test_fromTheAttractScreen() {
        compare(Navigator.route, "attract")
        turnSpeechOn()
        compare(Navigator.route, "language")
        compare(said(), ["language_fr"])
    }

    // Ordinary touch users never meet touch exploration: a touch acts at once.
    function test_offByDefault() {
        mouseClick(named("attractArea"))
        mouseClick(named("language_en"))
        mouseClick(named("languageConfirm"))
        compare(Navigator.route, "status")
        compare(SpeechMode.active, false)
    }

    // A short touch on Listen explains how to turn speech on, and does not.
    function test_shortTouchOnListenExplains() {
        Navigator.reset("home")
        mouseClick(named("listenToggle"))
        compare(SpeechMode.active, false)
        const hint = Content.labelAudio("touch-and-hold-to-hear-everything", "fr")
        verify(hint.length > 0)
        compare(heard(), [Content.labelAudio("listen", "fr"), hint])
    }
}
