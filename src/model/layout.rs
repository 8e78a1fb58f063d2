//! Where things sit on the stage. Pure arithmetic, so it is tested natively.

/// Width of the stage's coordinate space; the SVG scales to its container.
pub const STAGE_WIDTH: f64 = 512.0;
/// Width of one process card.
pub const CARD_WIDTH: f64 = 156.0;
/// Height of one process card.
pub const CARD_HEIGHT: f64 = 112.0;
/// Height of the shared-memory whiteboard.
pub const BOARD_HEIGHT: f64 = 64.0;
/// Room under a card for its mailbox.
pub const MAILBOX_HEIGHT: f64 = 34.0;
/// Height of the band that shows messages in flight (network mode).
pub const NETWORK_HEIGHT: f64 = 40.0;
/// Width of one channel pipe.
pub const PIPE_WIDTH: f64 = 156.0;
/// Height of one channel pipe, its name included.
pub const PIPE_HEIGHT: f64 = 46.0;

/// Extra room above the cards for the arcs that draw links.
pub const LINK_ROOM: f64 = 14.0;

const GAP: f64 = 16.0;
const MARGIN: f64 = 12.0;

/// A point on the stage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

/// Positions of the whiteboard, each shared variable and each process card.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Top-left of the whiteboard, when there is shared memory.
    pub board: Option<Point>,
    /// Centre of each shared variable's value on the board, in board order.
    pub vars: Vec<Point>,
    /// Top-left of each process card, by pid order.
    pub cards: Vec<Point>,
    /// Top-left of the network band, when messages are in flight.
    pub network: Option<Point>,
    /// Top-left of each channel pipe, by channel id.
    pub pipes: Vec<Point>,
    /// Total height the stage needs.
    pub height: f64,
}

impl Layout {
    /// Lays out `vars` shared variables and `processes` cards, with mailbox
    /// room when any process is an actor.
    /// `network` makes room for the band of messages in flight; `channels`
    /// pipes sit between the board and the processes.
    pub fn new(
        vars: usize,
        processes: usize,
        mailboxes: bool,
        network: bool,
        channels: usize,
    ) -> Layout {
        let mut y = MARGIN;
        let (board, var_points) = if vars == 0 {
            (None, Vec::new())
        } else {
            let board = Point { x: MARGIN, y };
            let inner = STAGE_WIDTH - 2.0 * MARGIN;
            let slot = inner / vars as f64;
            let points = (0..vars)
                .map(|i| Point {
                    x: MARGIN + slot * (i as f64 + 0.5),
                    y: y + BOARD_HEIGHT * 0.62,
                })
                .collect();
            y += BOARD_HEIGHT + GAP * 2.0;
            (Some(board), points)
        };

        let network = network.then(|| {
            let at = Point { x: MARGIN, y };
            y += NETWORK_HEIGHT + GAP;
            at
        });

        let pipes = row_of(channels, PIPE_WIDTH, PIPE_HEIGHT, &mut y);

        let per_row = (((STAGE_WIDTH - 2.0 * MARGIN + GAP) / (CARD_WIDTH + GAP)) as usize).max(1);
        let row_height = CARD_HEIGHT + if mailboxes { MAILBOX_HEIGHT } else { 0.0 } + GAP;
        let cards = (0..processes)
            .map(|i| {
                let row = i / per_row;
                let in_row = (processes - row * per_row).min(per_row);
                let col = i % per_row;
                let used = in_row as f64 * CARD_WIDTH + (in_row as f64 - 1.0) * GAP;
                let left = (STAGE_WIDTH - used) / 2.0;
                Point {
                    x: left + col as f64 * (CARD_WIDTH + GAP),
                    y: y + row as f64 * row_height,
                }
            })
            .collect();
        let rows = processes.div_ceil(per_row);
        let height = y + rows as f64 * row_height + MARGIN;
        Layout {
            board,
            vars: var_points,
            cards,
            network,
            pipes,
            height,
        }
    }

    /// The same layout with room above the cards for link arcs.
    pub fn with_link_room(mut self) -> Layout {
        for card in &mut self.cards {
            card.y += LINK_ROOM;
        }
        self.height += LINK_ROOM;
        self
    }

    /// How a link between the cards at `a` and `b` is drawn: a quadratic curve from its
    /// start through its control point to its end. Cards side by side get an arc over the
    /// gap above them; cards in different rows a straight line from the upper card's bottom
    /// edge to the lower card's top edge.
    pub fn link_arc(&self, a: usize, b: usize) -> Option<(Point, Point, Point)> {
        let (pa, pb) = (*self.cards.get(a)?, *self.cards.get(b)?);
        let (ca, cb) = (self.card_centre(a)?, self.card_centre(b)?);
        if pa.y != pb.y {
            // From the upper card's bottom edge to the lower card's top edge, so the line
            // never crosses what a card says.
            let edge = |c: Point, p: Point, upper: bool| Point {
                x: c.x,
                y: if upper { p.y + CARD_HEIGHT } else { p.y },
            };
            let (start, end) = (edge(ca, pa, pa.y < pb.y), edge(cb, pb, pb.y < pa.y));
            let mid = Point {
                x: (start.x + end.x) / 2.0,
                y: (start.y + end.y) / 2.0,
            };
            return Some((start, mid, end));
        }
        // Ends a little off the centre, towards each other.
        let dir = if cb.x >= ca.x { 1.0 } else { -1.0 };
        let start = Point {
            x: ca.x + 24.0 * dir,
            y: pa.y,
        };
        let end = Point {
            x: cb.x - 24.0 * dir,
            y: pb.y,
        };
        let span = (end.x - start.x).abs();
        // The curve peaks halfway to its control point: at most LINK_ROOM above the cards.
        let lift = (10.0 + 0.06 * span).min(2.0 * LINK_ROOM);
        let control = Point {
            x: (start.x + end.x) / 2.0,
            y: pa.y - lift,
        };
        Some((start, control, end))
    }

    /// The centre of a channel pipe.
    pub fn pipe_centre(&self, index: usize) -> Option<Point> {
        self.pipes.get(index).map(|p| Point {
            x: p.x + PIPE_WIDTH / 2.0,
            y: p.y + PIPE_HEIGHT * 0.65,
        })
    }

    /// The centre of a process card, where motions start and end.
    pub fn card_centre(&self, index: usize) -> Option<Point> {
        self.cards.get(index).map(|p| Point {
            x: p.x + CARD_WIDTH / 2.0,
            y: p.y + CARD_HEIGHT / 2.0,
        })
    }

    /// Where a process's mailbox starts (just under its card).
    pub fn mailbox_anchor(&self, index: usize) -> Option<Point> {
        self.cards.get(index).map(|p| Point {
            x: p.x + 8.0,
            y: p.y + CARD_HEIGHT + 6.0,
        })
    }
}

/// Lays `n` boxes of `width` × `height` out in centred rows from `y`, moving
/// `y` past them.
fn row_of(n: usize, width: f64, height: f64, y: &mut f64) -> Vec<Point> {
    let per_row = (((STAGE_WIDTH - 2.0 * MARGIN + GAP) / (width + GAP)) as usize).max(1);
    let top = *y;
    let points = (0..n)
        .map(|i| {
            let row = i / per_row;
            let in_row = (n - row * per_row).min(per_row);
            let used = in_row as f64 * width + (in_row as f64 - 1.0) * GAP;
            Point {
                x: (STAGE_WIDTH - used) / 2.0 + (i % per_row) as f64 * (width + GAP),
                y: top + row as f64 * (height + GAP),
            }
        })
        .collect();
    if n > 0 {
        *y += n.div_ceil(per_row) as f64 * (height + GAP) + GAP;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_never_overlap_and_stay_on_stage() {
        for n in 1..12 {
            let layout = Layout::new(2, n, true, true, 2);
            for (i, a) in layout.cards.iter().enumerate() {
                assert!(
                    a.x >= 0.0 && a.x + CARD_WIDTH <= STAGE_WIDTH,
                    "card {i} of {n} off stage"
                );
                assert!(a.y + CARD_HEIGHT <= layout.height);
                for b in &layout.cards[i + 1..] {
                    let apart = (a.x - b.x).abs() >= CARD_WIDTH || (a.y - b.y).abs() >= CARD_HEIGHT;
                    assert!(apart, "cards overlap with {n} processes");
                }
            }
        }
    }

    #[test]
    fn no_board_without_shared_memory() {
        let layout = Layout::new(0, 2, false, false, 0);
        assert!(layout.board.is_none());
        assert!(
            layout.cards[0].y < BOARD_HEIGHT,
            "cards move up when there is no board"
        );
    }

    #[test]
    fn variables_sit_inside_the_board() {
        let layout = Layout::new(3, 2, false, false, 0);
        let board = layout.board.expect("a board");
        for v in &layout.vars {
            assert!(v.x > board.x && v.x < STAGE_WIDTH - board.x);
            assert!(v.y > board.y && v.y < board.y + BOARD_HEIGHT);
        }
    }
}

#[cfg(test)]
mod link_tests {
    use super::*;

    #[test]
    fn link_arcs_rise_into_the_room_above_the_cards_and_no_higher() {
        // Two cards fit in a row: 0 and 1 side by side.
        let plain = Layout::new(0, 2, true, false, 0);
        let layout = plain.clone().with_link_room();
        assert_eq!(layout.cards[0].y, plain.cards[0].y + LINK_ROOM);
        assert_eq!(layout.cards[0].y, layout.cards[1].y);
        for (a, b) in [(0, 1), (1, 0)] {
            let (start, control, end) = layout.link_arc(a, b).expect("both cards exist");
            let top = layout.cards[a].y;
            assert_eq!((start.y, end.y), (top, top));
            // A quadratic curve's peak is halfway between its ends' height and the control's.
            let peak = (top + control.y) / 2.0;
            assert!(peak < top && peak >= top - LINK_ROOM, "{a}-{b}");
            // The ends sit on their own cards.
            let on = |p: Point, i: usize| {
                p.x > layout.cards[i].x && p.x < layout.cards[i].x + CARD_WIDTH
            };
            assert!(on(start, a) && on(end, b), "{a}-{b}");
        }
        assert!(layout.link_arc(0, 2).is_none());
    }

    #[test]
    fn cards_in_different_rows_are_linked_edge_to_edge() {
        let layout = Layout::new(0, 3, true, false, 0).with_link_room();
        assert!(
            layout.cards[2].y > layout.cards[0].y,
            "card 2 starts a new row"
        );
        let (start, _, end) = layout.link_arc(0, 2).expect("arc");
        let (c0, c2) = (
            layout.card_centre(0).expect("card"),
            layout.card_centre(2).expect("card"),
        );
        assert_eq!((start.x, start.y), (c0.x, layout.cards[0].y + CARD_HEIGHT));
        assert_eq!((end.x, end.y), (c2.x, layout.cards[2].y));
        // The other way round, the same line.
        let (back_start, _, back_end) = layout.link_arc(2, 0).expect("arc");
        assert_eq!((back_start, back_end), (end, start));
    }
}

#[cfg(test)]
mod network_tests {
    use super::*;

    #[test]
    fn the_network_band_sits_between_the_board_and_the_cards() {
        let layout = Layout::new(1, 2, true, true, 0);
        let band = layout.network.expect("a band");
        assert!(band.y >= BOARD_HEIGHT);
        assert!(layout.cards.iter().all(|c| c.y >= band.y + NETWORK_HEIGHT));
        assert!(Layout::new(1, 2, true, false, 0).network.is_none());
    }
}

#[cfg(test)]
mod pipe_tests {
    use super::*;

    #[test]
    fn pipes_sit_above_the_cards_without_overlapping() {
        for n in 1..7 {
            let layout = Layout::new(1, 3, false, false, n);
            assert_eq!(layout.pipes.len(), n);
            let lowest = layout
                .pipes
                .iter()
                .map(|p| p.y + PIPE_HEIGHT)
                .fold(0.0, f64::max);
            assert!(layout.cards.iter().all(|c| c.y > lowest), "{n} pipes");
            for (i, a) in layout.pipes.iter().enumerate() {
                assert!(a.x >= 0.0 && a.x + PIPE_WIDTH <= STAGE_WIDTH);
                for b in &layout.pipes[i + 1..] {
                    assert!((a.x - b.x).abs() >= PIPE_WIDTH || (a.y - b.y).abs() >= PIPE_HEIGHT);
                }
            }
        }
    }
}
