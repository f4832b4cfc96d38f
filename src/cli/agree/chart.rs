//! A terminal line chart for `agree --history`: one column per point, one letter per series
//! (told apart without colour), `*` where series meet, the value axis on the left, scaled to
//! the values.

/// The chart's lines: `height` rows of values, the axis, the point numbers, the legend.
pub fn draw(series: &[(&str, char, Vec<Option<f64>>)], height: usize) -> Vec<String> {
    let height = height.max(2);
    let points = series.iter().map(|(_, _, v)| v.len()).max().unwrap_or(0);
    // The axis spans the values, on tenths (at least 0.2), so a change of a few hundredths
    // shows; 1 at most, the top of every figure's scale.
    let values: Vec<f64> = series
        .iter()
        .flat_map(|(_, _, v)| v.iter().flatten().copied())
        .collect();
    let lowest = values.iter().copied().fold(f64::INFINITY, f64::min);
    let highest = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lowest, highest) = if values.is_empty() {
        (0.0, 1.0)
    } else {
        (lowest, highest)
    };
    let top = ((highest * 10.0).ceil() / 10.0).min(1.0);
    let bottom = ((lowest * 10.0).floor() / 10.0).min(top - 0.2);
    let row_of = |v: f64| {
        let share = ((v - bottom) / (top - bottom)).clamp(0.0, 1.0);
        ((1.0 - share) * (height - 1) as f64).round() as usize
    };
    let mut grid = vec![vec![' '; points]; height];
    for (_, mark, values) in series {
        for (x, value) in values.iter().enumerate() {
            if let Some(v) = value {
                let cell = &mut grid[row_of(*v)][x];
                *cell = if *cell == ' ' || *cell == *mark {
                    *mark
                } else {
                    '*'
                };
            }
        }
    }
    let mut lines = Vec::with_capacity(height + 3);
    for (y, row) in grid.iter().enumerate() {
        let value = top - (top - bottom) * y as f64 / (height - 1) as f64;
        let axis = if y == 0 || y == height - 1 || y == (height - 1) / 2 {
            format!("{value:>5.2} ┤")
        } else {
            "      │".to_owned()
        };
        let cells = row
            .iter()
            .map(|c| format!("  {c}"))
            .collect::<Vec<_>>()
            .concat();
        lines.push(format!("{axis}{}", cells.trim_end()));
    }
    lines.push(format!("      └{}", "───".repeat(points)));
    let numbers = (1..=points)
        .map(|i| format!("{:>3}", i % 100))
        .collect::<Vec<_>>()
        .concat();
    lines.push(format!("       {numbers}"));
    let legend: Vec<String> = series
        .iter()
        .map(|(name, mark, _)| format!("{mark} {name}"))
        .collect();
    lines.push(format!(
        "       {}   * several   (x: the points above)",
        legend.join("   ")
    ));
    lines
}

#[cfg(test)]
mod tests;
