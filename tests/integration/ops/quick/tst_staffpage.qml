import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// The staff page: locked without the PIN, open with it, locked again when left; every
// control a 20 mm target with an accessible name; the config's screen density applies.
TestCase {
    id: root
    name: "StaffPage"
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

    // Every visible item under `item` whose accessible role is `role`.
    function withRole(item: Item, role: int, out: var): var {
        if (!item.visible)
            return out
        if (item.Accessible.role === role)
            out.push(item)
        for (let i = 0; i < item.children.length; ++i)
            withRole(item.children[i], role, out)
        return out
    }

    function init() {
        // A wrong PIN in an earlier test makes the next try wait: let it run out.
        tryCompare(Staff, "secondsUntilNextAttempt", 0, 5000)
        Navigator.reset("home")
        screen = createTemporaryObject(screenComponent, root)
        verify(screen)
    }

    function test_densityFromConfig() {
        compare(KioskSettings.pxPerMm, 4.0)
        compare(Theme.touchTarget, 80) // 20 mm at 4 px/mm
    }

    function test_lockedWithoutPin() {
        verify(Navigator.go("staff"))
        const page = findNamed(screen, "staffPage")
        verify(page)
        verify(!Staff.isUnlocked)
        verify(findNamed(page, "staffLocked").visible)
        compare(withRole(page, Accessible.Button, []).length, 0)
        verify(!Staff.unlock("000000"))
        compare(Staff.secondsUntilNextAttempt, 1)
        tryCompare(Staff, "secondsUntilNextAttempt", 0, 3000)
    }

    function test_controlsAreLargeAndNamed() {
        verify(Staff.unlock("135790"))
        verify(Navigator.go("staff"))
        const page = findNamed(screen, "staffPage")
        waitForRendering(page)
        verify(!findNamed(page, "staffLocked").visible)
        const buttons = withRole(page, Accessible.Button, [])
        compare(buttons.length, 3) // check for updates, export, test tone
        for (const b of buttons) {
            verify(b.Accessible.name.length > 0, "a button without an accessible name")
            verify(b.width >= Theme.touchTarget && b.height >= Theme.touchTarget,
                   b.Accessible.name + " is " + b.width + "x" + b.height)
        }
        const texts = withRole(page, Accessible.StaticText, [])
        verify(texts.length > 10)
        for (const t of texts)
            verify(t.Accessible.name.length > 0, "a text without an accessible name")
        const headings = withRole(page, Accessible.Heading, []).map(h => h.Accessible.name)
        verify(headings.indexOf("Personnel : Quick test kiosk") >= 0, headings.join(" | "))
    }

    function test_buttonsAct() {
        verify(Staff.unlock("135790"))
        verify(Navigator.go("staff"))
        const page = findNamed(screen, "staffPage")
        const spy = createTemporaryObject(signalSpyComponent, root, { target: Staff, signalName: "syncRequested" })
        const sync = findNamed(page, "syncNowButton")
        waitForRendering(page)
        mouseClick(sync)
        compare(spy.count, 1)
        verify(!sync.enabled) // "Checking…" until the sync reports
        mouseClick(findNamed(page, "exportButton"))
        verify(Staff.exportStatus.indexOf("Pas de clé USB") >= 0, Staff.exportStatus)
    }

    // Staff read French: the page stays left to right in a right-to-left visitor language.
    function test_leftToRightInArabic() {
        Session.language = "ar"
        verify(Staff.unlock("135790"))
        verify(Navigator.go("staff"))
        const page = findNamed(screen, "staffPage")
        waitForRendering(page)
        verify(!page.LayoutMirroring.enabled)
        const sync = findNamed(page, "syncNowButton")
        verify(sync.mapToItem(page, 0, 0).x < page.width / 2, "the facts column moved right")
        Session.language = "fr"
    }

    function test_leavingLocks() {
        verify(Staff.unlock("135790"))
        verify(Navigator.go("staff"))
        Navigator.home()
        verify(!Staff.isUnlocked)
    }

    Component {
        id: signalSpyComponent
        SignalSpy {}
    }
}
