# Live table bytes vs duplicate rate
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-storage-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-storage-vs-dup-prob.svg'
set title 'Live table bytes vs duplicate rate'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (%)'
set xrange [0:0.51]
set xtics ('0%%' 0, '10%%' 0.1, '20%%' 0.2, '30%%' 0.3, '40%%' 0.4, '50%%' 0.5)
set ylabel 'live table size (bytes)'
set yrange [0:200000000]
set ytics ('0 B' 0, '50 MB' 50000000, '100 MB' 100000000, '150 MB' 150000000, '200 MB' 200000000)
set label 'bronze_append · duplicate rate 0%: 156 MB' at 0, 155846757 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 5%: 159 MB' at 0.05, 159033661 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: 161 MB' at 0.1, 161219227 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 15%: 164 MB' at 0.15, 164406736 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 20%: 168 MB' at 0.2, 167978013 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 25%: 172 MB' at 0.25, 171979418 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: 175 MB' at 0.3, 175069854 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 35%: 179 MB' at 0.35, 178558847 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 40%: 182 MB' at 0.4, 181763752 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 45%: 186 MB' at 0.45, 185726715 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 50%: 189 MB' at 0.5, 189155090 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: 154 MB' at 0, 153704092 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 5%: 154 MB' at 0.05, 153679454 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: 154 MB' at 0.1, 153679175 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 15%: 154 MB' at 0.15, 153679640 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 20%: 154 MB' at 0.2, 153679576 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 25%: 154 MB' at 0.25, 153678395 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: 154 MB' at 0.3, 153679498 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 35%: 154 MB' at 0.35, 153679774 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 40%: 154 MB' at 0.4, 153678239 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 45%: 154 MB' at 0.45, 153681010 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 50%: 154 MB' at 0.5, 153679720 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: 156 MB' at 0, 155842163 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 5%: 156 MB' at 0.05, 155846284 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: 156 MB' at 0.1, 155843168 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 15%: 156 MB' at 0.15, 155849821 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 20%: 156 MB' at 0.2, 155846235 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 25%: 156 MB' at 0.25, 155842744 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: 156 MB' at 0.3, 155842151 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 35%: 156 MB' at 0.35, 155845331 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 40%: 156 MB' at 0.4, 155878820 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 45%: 156 MB' at 0.45, 155844314 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 50%: 156 MB' at 0.5, 155849668 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: 154 MB' at 0, 153706948 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 5%: 154 MB' at 0.05, 153679119 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: 154 MB' at 0.1, 153679787 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 15%: 154 MB' at 0.15, 153678291 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 20%: 154 MB' at 0.2, 153679962 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 25%: 154 MB' at 0.25, 153679926 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: 154 MB' at 0.3, 153679838 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 35%: 154 MB' at 0.35, 153680256 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 40%: 154 MB' at 0.4, 153679599 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 45%: 154 MB' at 0.45, 153679825 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 50%: 154 MB' at 0.5, 153680672 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'dup-sweep-storage-vs-dup-prob.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2 with linespoints lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2 with linespoints lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'dup-sweep-storage-vs-dup-prob.png'
replot
unset output
